namespace Augment.Integration.Tests.TestSupport;

/// <summary>Where the repository and its parts are, found from the test's own folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();


    /// <summary>The tool as the build put it next to this test assembly.</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "dotnet-augment.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Augment.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Augment.Build.sln above {AppContext.BaseDirectory}");
    }
}
