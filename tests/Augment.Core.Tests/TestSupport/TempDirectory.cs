namespace Augment.Core.Tests.TestSupport;

/// <summary>A fresh folder under the system's temporary folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("augment-tests-").FullName;

    public string Path { get; }

    public string Write(string fileName, ReadOnlySpan<byte> contents)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
