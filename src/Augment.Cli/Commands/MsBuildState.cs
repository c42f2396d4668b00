using Augment.Core.Cache;
using Augment.Core.Config;
using Augment.Core.Dataset;
using Augment.Core.Manifest;

namespace Augment.Cli.Commands;

/// <summary>
/// The files `build --msbuild-state DIR` leaves for the Augment.Build targets, which read them on the
/// next `dotnet build` without starting the engine:
/// <list type="bullet">
/// <item>inputs.txt: MSBuild include patterns (absolute) covering every file the dataset reads, so
/// the targets can tell that nothing was added, removed or edited and skip the engine;</item>
/// <item>excludes.txt: patterns for what the build itself writes (output, state, cache);</item>
/// <item>outputs.txt: every file of the dataset, for FileWrites and the check that none went missing.</item>
/// </list>
/// </summary>
internal static class MsBuildState
{
    public static void Write(string stateDir, string configPath, BuildOptions options)
    {
        var config = AugmentConfigLoader.Load(configPath);
        var layout = BuildLayout.For(config, options);
        Directory.CreateDirectory(stateDir);

        var inputs = config.Images.Select(glob => InputPattern(config.Directory, glob))
            .Concat(config.Masks.Append(config.Labels?.Input).OfType<PathTemplate>().Select(template => Everything(config.Directory, LiteralFolder(template.Text))))
            .Concat(config.Labels?.Coco is { } coco ? [Path.Combine(config.Directory, coco)] : [])
            .Distinct(StringComparer.Ordinal);
        WriteLines(Path.Combine(stateDir, "inputs.txt"), inputs);
        WriteLines(Path.Combine(stateDir, "excludes.txt"), [Everything(layout.OutputDir, ""), Everything(layout.CacheDir, "")]);

        var manifest = DatasetManifest.TryRead(layout.ManifestPath);
        var outputs = OutputRecord.Load(layout.OutputRecordPath).Files
            .Concat(manifest?.Items.SelectMany(i => i.Files) ?? [])
            .Append(DatasetManifest.FileName)
            .Select(layout.OutputPath)
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        WriteLines(Path.Combine(stateDir, "outputs.txt"), outputs);
    }

    /// <summary>
    /// The glob itself where MSBuild reads it the same way (*, ? and **), else everything under its
    /// literal folder: more files than the glob matches only costs an engine run that finds nothing to do.
    /// </summary>
    private static string InputPattern(string root, string glob) =>
        glob.Contains('[', StringComparison.Ordinal)
            ? Everything(root, new Glob(glob).BaseDirectory)
            : Path.Combine(root, glob.Replace('\\', '/'));

    private static string LiteralFolder(string template)
    {
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        var literal = brace < 0 ? template : template[..brace];
        var slash = literal.LastIndexOf('/');
        return slash < 0 ? string.Empty : literal[..slash];
    }

    private static string Everything(string root, string folder) => Path.Combine(root, folder, "**", "*");

    private static void WriteLines(string path, IEnumerable<string> lines) => AtomicFile.WriteTextIfChanged(path, string.Join('\n', lines) + "\n");
}
