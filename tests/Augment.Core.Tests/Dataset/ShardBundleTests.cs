using System.Security.Cryptography;
using Augment.Core.Dataset;

namespace Augment.Core.Tests.Dataset;

/// <summary>A shard's bundle (its objects in one object): what is written reads back object by object, checked, and nothing past a bad one is used.</summary>
public sealed class ShardBundleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("augment-bundle-").FullName;

    [Fact]
    public async Task A_bundle_reads_back_every_wanted_object_with_its_bytes_and_skips_the_others()
    {
        var objects = Objects(20);
        var bytes = await Write(objects);
        var (sha, length) = ShardBundle.Measure(objects);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha);
        Assert.Equal(bytes.Length, length);

        var wanted = objects.Where((_, i) => i % 3 != 0).Select(o => o.Sha256).ToHashSet();
        var found = new Dictionary<string, byte[]>();
        var delivered = await ShardBundle.ReadAsync(new MemoryStream(bytes), wanted.Contains, (s, b) => found[s] = b, _ => Assert.Fail("nothing is corrupt"), CancellationToken.None);
        Assert.Equal(wanted.Count, delivered);
        Assert.Equal(wanted.Order(), found.Keys.Order());
        Assert.All(found, f => Assert.Equal(File.ReadAllBytes(objects.Single(o => o.Sha256 == f.Key).Path), f.Value));
    }

    [Fact]
    public async Task A_corrupt_object_is_reported_and_nothing_after_it_is_used()
    {
        var objects = Objects(10);
        var bytes = await Write(objects);
        var offset = Offset(bytes, objects, 4) + 80; // inside the fifth object's bytes
        bytes[offset] ^= 0x5A;
        var found = new List<string>();
        var corrupt = new List<string>();
        await ShardBundle.ReadAsync(new MemoryStream(bytes), _ => true, (s, _) => found.Add(s), corrupt.Add, CancellationToken.None);
        Assert.Equal(objects.Take(4).Select(o => o.Sha256), found);
        Assert.Equal([objects[4].Sha256], corrupt);
    }

    [Fact]
    public async Task A_cut_off_bundle_delivers_the_objects_before_the_cut()
    {
        var objects = Objects(10);
        var bytes = await Write(objects);
        var cut = bytes[..(Offset(bytes, objects, 7) + 30)];
        var found = new List<string>();
        await ShardBundle.ReadAsync(new MemoryStream(cut), _ => true, (s, _) => found.Add(s), _ => Assert.Fail("a cut is not corruption"), CancellationToken.None);
        Assert.Equal(objects.Take(7).Select(o => o.Sha256), found);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Objects of different sizes (0 to a few kilobytes) with random bytes, as files named by their hash.
    private List<(string Sha256, string Path)> Objects(int count)
    {
        var random = new Random(count);
        var list = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[i == 0 ? 0 : random.Next(100, 5000)];
            random.NextBytes(bytes);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var path = Path.Combine(_folder, sha);
            File.WriteAllBytes(path, bytes);
            list.Add((sha, path));
        }

        return list;
    }

    private static async Task<byte[]> Write(List<(string Sha256, string Path)> objects)
    {
        var (_, length) = ShardBundle.Measure(objects);
        using var content = new ShardBundle.Content(objects, length);
        return await content.ReadAsByteArrayAsync();
    }

    // Where object `index`'s bytes start: after the headers and bytes of the ones before it and its own header.
    private static int Offset(byte[] bundle, List<(string Sha256, string Path)> objects, int index)
    {
        var position = 0;
        for (var i = 0; i <= index; i++)
        {
            position = Array.IndexOf(bundle, (byte)'\n', position) + 1;
            if (i < index)
            {
                position += (int)new FileInfo(objects[i].Path).Length;
            }
        }

        return position;
    }
}
