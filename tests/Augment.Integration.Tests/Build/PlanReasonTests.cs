namespace Augment.Integration.Tests.Build;

/// <summary>
/// `plan --json` (PRODUCT.md sections 6 and 8): the items a build would render or restore, each with
/// its reason: new, input changed, config changed, output missing, output modified.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class PlanReasonTests(SourcePool pool) : IDisposable
{
    private readonly TestDataset _data = new(pool);

    [Fact]
    public void Plan_lists_every_item_of_a_fresh_dataset_as_new()
    {
        var (items, json) = _data.Plan();

        Assert.Equal(80, items.Count);
        Assert.All(items.Values, i => Assert.Equal(("render", "new"), i));
        Assert.Contains(TestDataset.ImageOf(19, 3), items.Keys);
        Assert.Equal(0, json["upToDate"]!.GetValue<int>());
        Assert.False(File.Exists(Path.Combine(_data.OutputDir, "manifest.json")), "plan wrote a manifest");
        Assert.False(Directory.Exists(Path.Combine(_data.OutputDir, "images")), "plan wrote outputs");
    }

    [Fact]
    public void Plan_names_why_each_item_would_be_built()
    {
        _data.BuildOk();
        var (none, upToDate) = _data.Plan();
        Assert.Empty(none);
        Assert.Equal(80, upToDate["upToDate"]!.GetValue<int>());

        // input changed: a source's content.
        _data.WriteSource(3, pool.Image(20));
        File.SetLastWriteTimeUtc(_data.SourcePath(3), DateTime.UtcNow.AddSeconds(-2));
        var (input, _) = _data.Plan();
        Assert.Equal(Enumerable.Range(0, 4).Select(v => TestDataset.ImageOf(3, v)), input.Keys.Order(StringComparer.Ordinal));
        Assert.All(input.Values, i => Assert.Equal(("render", "input changed"), i));
        _data.BuildOk();

        // config changed: one op's parameters.
        _data.WriteConfig(pipeline: TestDataset.DefaultPipeline.Replace("brightness_limit: 0.2", "brightness_limit: 0.3", StringComparison.Ordinal));
        var (config, _) = _data.Plan();
        Assert.Equal(80, config.Count);
        Assert.All(config.Values, i => Assert.Equal(("render", "config changed"), i));
        _data.WriteConfig();
        Assert.Empty(_data.Plan().Items);

        // output missing and output modified (a new file with one byte flipped, as an editor saves).
        File.Delete(_data.Output(TestDataset.ImageOf(5, 2)));
        var mask = _data.Output(TestDataset.MaskOf(6, 1));
        TestDataset.ReplaceFile(mask, TestDataset.FlipMiddleByte(File.ReadAllBytes(mask)));
        // new: two more variants.
        _data.WriteConfig(variants: 5);
        var (mixed, json) = _data.Plan();
        Assert.Equal(("restore", "output missing"), mixed[TestDataset.ImageOf(5, 2)]);
        Assert.Equal(("restore", "output modified"), mixed[TestDataset.ImageOf(6, 1)]);
        var added = mixed.Where(p => p.Key.EndsWith("_004.png", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, added.Count);
        Assert.All(added, p => Assert.Equal(("render", "new"), p.Value));
        Assert.Equal(22, mixed.Count);
        Assert.Equal(78, json["upToDate"]!.GetValue<int>());

        // plan wrote nothing: the same plan again, and the build does what it said.
        Assert.Equal(mixed, _data.Plan().Items);
        var built = _data.BuildOk();
        Assert.Equal((22, 20, 2, 78), (built.Built, built.Rendered, built.Restored, built.UpToDate));
        Assert.Empty(_data.Plan().Items);
        TestDataset.AssertConsistent(_data.OutputDir);
    }

    public void Dispose() => _data.Dispose();
}
