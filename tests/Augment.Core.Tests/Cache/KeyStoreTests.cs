using Augment.Core.Cache;
using Augment.Core.Tests.TestSupport;

namespace Augment.Core.Tests.Cache;

/// <summary>
/// Key records live in packs, a line per key (Cache/KeyStore.cs): what one build appends, the next
/// finds; a line a killed build left half-written, or one whose bytes changed, is not taken for a record.
/// </summary>
public sealed class KeyStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_record_written_by_one_store_is_read_by_the_next()
    {
        var (image, mask) = (Put("image"), Put("mask"));
        using (var writer = Keys())
        {
            writer.Write(Key('a'), new KeyRecord(image, [mask], """{"ops":[{"name":"Flip","p":0.5}],"seed":"12"}"""), durable: false);
            writer.Write(Key('b'), new KeyRecord(mask, [], """{"ops":[]}"""), durable: false);
            Assert.Equal(image, writer.TryRead(Key('a'))!.Image); // its own, before the pack is closed
        }

        using var reader = Keys();
        var a = reader.TryRead(Key('a'))!;
        Assert.Equal(image, a.Image);
        Assert.Equal([mask], a.Masks);
        Assert.Equal("""{"ops":[{"name":"Flip","p":0.5}],"seed":"12"}""", a.Record);
        Assert.Equal(mask, reader.TryRead(Key('b'))!.Image);
        Assert.Equal("12", reader.TryReadItemRecord(Key('a'))!["seed"]!.ToString());
        Assert.Null(reader.TryRead(Key('c')));
        Assert.Single(Directory.GetFiles(Path.Combine(_temp.Path, "keys"), "*.pack"));
    }

    [Fact]
    public void Each_store_appends_to_a_pack_of_its_own_and_a_reader_sees_them_all()
    {
        var image = Put("image");
        using (var first = Keys())
        {
            first.Write(Key('a'), new KeyRecord(image, [], "{}"), durable: false);
        }

        using (var second = Keys())
        {
            second.Write(Key('b'), new KeyRecord(image, [], "{}"), durable: true);
        }

        using var reader = Keys();
        Assert.NotNull(reader.TryRead(Key('a')));
        Assert.NotNull(reader.TryRead(Key('b')));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_temp.Path, "keys"), "*.pack").Length);
    }

    [Fact]
    public void A_half_written_or_altered_line_is_no_record()
    {
        var image = Put("image");
        using (var writer = Keys())
        {
            writer.Write(Key('a'), new KeyRecord(image, [], """{"n":1}"""), durable: false);
            writer.Write(Key('b'), new KeyRecord(image, [], """{"n":2}"""), durable: false);
            writer.Write(Key('c'), new KeyRecord(image, [], """{"n":3}"""), durable: false);
        }

        var pack = Directory.GetFiles(Path.Combine(_temp.Path, "keys"), "*.pack").Single();
        var text = File.ReadAllText(pack);
        // b's record altered in place (same length), c's line cut short as a kill would leave it.
        text = text.Replace("""{"n":2}""", """{"n":9}""", StringComparison.Ordinal);
        File.WriteAllText(pack, text[..^3]);

        using var reader = Keys();
        Assert.Equal("""{"n":1}""", reader.TryRead(Key('a'))!.Record);
        Assert.Null(reader.TryRead(Key('b')));
        Assert.Null(reader.TryRead(Key('c')));
    }

    [Fact]
    public void A_record_naming_an_object_the_cache_lacks_is_none()
    {
        var image = Put("image");
        using (var writer = Keys())
        {
            writer.Write(Key('a'), new KeyRecord(image, [new string('0', 64)], "{}"), durable: false);
        }

        using var reader = Keys();
        Assert.Null(reader.TryRead(Key('a')));
        Assert.NotNull(reader.TryReadItemRecord(Key('a'))); // the manifest's read does not look at objects
    }

    [Fact]
    public void A_record_that_is_not_one_line_of_json_is_refused()
    {
        using var writer = Keys();
        Assert.Throws<ArgumentException>(() => writer.Write(Key('a'), new KeyRecord(Put("image"), [], "{\n}"), durable: false));
    }

    public void Dispose() => _temp.Dispose();

    private KeyStore Keys() => new(new ContentStore(_temp.Path));

    private string Put(string content) => new ContentStore(_temp.Path).Put(System.Text.Encoding.UTF8.GetBytes(content), durable: false);

    private static string Key(char c) => new(c, 64);
}
