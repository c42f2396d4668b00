using System.Globalization;
using Augment.Benchmarks.Support;
using Augment.Core.Cache;
using BenchmarkDotNet.Attributes;

namespace Augment.Benchmarks.Cache;

/// <summary>
/// The stat cache (<see cref="FileHashCache"/>) over <see cref="Files"/> source files in a temporary
/// folder, each a copy of sample-dataset/images/coins.png (74 KiB) made distinct by its index. Cold:
/// no record, every file read and hashed. Warm: the record of a previous build loaded, every file
/// only stat'ed (a no-op rebuild's input side, PRODUCT.md section 11), and the record saved (unchanged,
/// so not written).
/// </summary>
public class FileHashCacheBenchmarks
{
    private string _folder = string.Empty;
    private string[] _files = [];

    [Params(1000)]
    public int Files { get; set; }

    private string WarmRecord => Path.Combine(_folder, "hashes.json");

    private string MissingRecord => Path.Combine(_folder, "none.json");

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("augment-bench-hashes-").FullName;
        var sample = File.ReadAllBytes(Path.Combine(Repository.SampleDataset, "images", "coins.png"));
        // Older than the record by far, so the racy-file rule never forces a re-hash.
        var written = DateTime.UtcNow.AddMinutes(-5);
        _files = Enumerable.Range(0, Files).Select(i =>
        {
            var path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"source_{i:00000}.png"));
            File.WriteAllBytes(path, [.. sample, .. BitConverter.GetBytes(i)]);
            File.SetLastWriteTimeUtc(path, written);
            return path;
        }).ToArray();

        var first = FileHashCache.Load(WarmRecord);
        HashAll(first);
        first.Save();

        // Guard: the warm benchmark must hash nothing, or it measures the cold path.
        var hashed = Warm();
        if (hashed != 0)
        {
            throw new InvalidOperationException($"the warm stat cache hashed {hashed} of {Files} files");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int Cold()
    {
        var cache = FileHashCache.Load(MissingRecord);
        HashAll(cache);
        return cache.FilesHashed;
    }

    [Benchmark]
    public int Warm()
    {
        var cache = FileHashCache.Load(WarmRecord);
        HashAll(cache);
        cache.Save();
        return cache.FilesHashed;
    }

    private void HashAll(FileHashCache cache)
    {
        foreach (var file in _files)
        {
            cache.Sha256(file);
        }
    }
}
