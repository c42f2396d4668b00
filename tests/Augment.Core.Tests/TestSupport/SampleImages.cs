namespace Augment.Core.Tests.TestSupport;

/// <summary>
/// The real sample images in <c>../shared/sample-images</c>, found relative to the repository root
/// (the first folder above the test assembly that holds <c>Augment.Build.sln</c>).
/// </summary>
internal static class SampleImages
{
    private static readonly Lazy<string> FolderPath = new(Locate);

    public static string Folder => FolderPath.Value;

    public static string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public static byte[] Read(string fileName) => File.ReadAllBytes(PathOf(fileName));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Augment.Build.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "sample-images"));
                return Directory.Exists(folder)
                    ? folder
                    : throw new DirectoryNotFoundException($"the sample images are expected at {folder}");
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Augment.Build.sln");
    }
}
