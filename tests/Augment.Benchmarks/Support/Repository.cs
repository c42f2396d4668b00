namespace Augment.Benchmarks.Support;

/// <summary>Where the repository is, found from the running assembly (BenchmarkDotNet runs a copy under artifacts/bin).</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(Locate);

    /// <summary>The first folder above the running assembly that holds Augment.Build.sln.</summary>
    public static string Root => RootPath.Value;

    public static string SampleDataset => Path.Combine(Root, "sample-dataset");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Augment.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Augment.Build.sln");
    }
}
