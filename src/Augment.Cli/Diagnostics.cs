using Augment.Core.Config;

namespace Augment.Cli;

/// <summary>
/// Where the tool's errors go and how they read: "error AUG2003: augment.yaml:14:5: ..." for people,
/// or MSBuild's canonical "augment.yaml(14,5): error AUG2003: ..." when the Augment.Build task runs
/// the tool (build --msbuild-state), so that MSBuild logs each one as a real error with its
/// file, line, column and code.
/// </summary>
internal static class Diagnostics
{
    /// <summary>The tool's own codes (AUG1xxx); config errors are AUG2xxx and item errors AUG3xxx.</summary>
    public const string Environment = "AUG1002";
    public const string Locked = "AUG1003";
    public const string NotFound = "AUG1004";
    public const string Usage = "AUG1008";
    public const string SharedCache = "AUG1009";

    public static bool MsBuildFormat { get; set; }

    public static void Config(ConfigException e)
    {
        if (MsBuildFormat)
        {
            var line = Math.Max(1, e.Mark.Line);
            var column = Math.Max(1, e.Mark.Column);
            Console.Error.WriteLine($"{FullPath(e.FilePath)}({line},{column}): error {e.Code}: {e.Problem}");
        }
        else
        {
            Console.Error.WriteLine($"error {e.Code}: {e.Message}");
        }
    }

    /// <summary>An error about one file (a source image, a mask, a label file, the output folder), at a line of it when <paramref name="line"/> is over 0.</summary>
    public static void File(string code, string file, string message, int line = 0) =>
        Console.Error.WriteLine((MsBuildFormat, line > 0) switch
        {
            (true, true) => $"{FullPath(file)}({line}): error {code}: {message}",
            (true, false) => $"{FullPath(file)}: error {code}: {message}",
            (false, true) => $"error: {file}:{line}: {message}",
            (false, false) => $"error: {file}: {message}",
        });

    /// <summary>An error with no file of its own.</summary>
    public static void General(string code, string message) =>
        Console.Error.WriteLine(MsBuildFormat ? $"dotnet-augment: error {code}: {message}" : $"error: {message}");

    /// <summary>A warning: the build went on.</summary>
    public static void Warning(string code, string message) =>
        Console.Error.WriteLine(MsBuildFormat ? $"dotnet-augment: warning {code}: {message}" : $"warning: {message}");

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (ArgumentException)
        {
            return path;
        }
    }
}
