namespace Augment.Core.Tests.TestSupport;

/// <summary>
/// The real sample images, by their names in the shared sample set (astronaut.png, coins_mask.png,
/// ...), read from the repository's own copy in <c>sample-dataset/</c> so that a clone is enough to
/// run the tests: images under <c>images/</c>, and <c>X_mask.png</c> as <c>masks/X.png</c>.
/// </summary>
internal static class SampleImages
{
    private const string MaskSuffix = "_mask.png";

    private static readonly Lazy<string> DatasetPath = new(Locate);

    public static string Dataset => DatasetPath.Value;

    /// <summary>Every sample by its shared name.</summary>
    public static IEnumerable<string> Names =>
        Directory.EnumerateFiles(Path.Combine(Dataset, "images")).Select(Path.GetFileName)
            .Concat(Directory.EnumerateFiles(Path.Combine(Dataset, "masks")).Select(p => Path.GetFileNameWithoutExtension(p) + MaskSuffix))
            .OfType<string>();

    public static string PathOf(string sharedName) =>
        sharedName.EndsWith(MaskSuffix, StringComparison.Ordinal)
            ? Path.Combine(Dataset, "masks", sharedName[..^MaskSuffix.Length] + ".png")
            : Path.Combine(Dataset, "images", sharedName);

    public static byte[] Read(string sharedName) => File.ReadAllBytes(PathOf(sharedName));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Augment.Build.sln")))
            {
                return Path.Combine(dir.FullName, "sample-dataset");
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Augment.Build.sln");
    }
}
