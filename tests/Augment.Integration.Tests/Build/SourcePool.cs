using System.Security.Cryptography;
using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Build;

/// <summary>
/// The build tests run one at a time: several of them stop, kill or lock real builds, and each one
/// already keeps every core busy. They share one <see cref="SourcePool"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BuildCollection : ICollectionFixture<SourcePool>
{
    public const string Name = "Build";
}

/// <summary>
/// Distinct small source images with their label masks, made once by the tool itself: a RandomCrop
/// of 64x64 pixels from the sample micrograph (coins.png) and its mask, one variant per source. The
/// files are copied out of the generating build (which hard-links them into its cache), so each is
/// a file of its own.
/// </summary>
public sealed class SourcePool : IDisposable
{
    /// <summary>Sources s00..s19 make a dataset; s20 is a spare with other content.</summary>
    public const int Count = 21;

    private readonly TempFolder _temp = new("augment-build-sources-");

    public SourcePool()
    {
        var seedFolder = _temp.Combine("seed");
        Directory.CreateDirectory(seedFolder);
        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "images", "coins.png"), Path.Combine(seedFolder, "coins.png"));
        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "masks", "coins.png"), Path.Combine(seedFolder, "coins-mask.png"));
        var config = _temp.Combine("generate.yaml");
        File.WriteAllText(config, $$"""
            version: 1
            seed: 7
            inputs:
              images: "seed/coins.png"
              masks: "seed/coins-mask.png"
            variants: {{Count}}
            output:
              dir: generated
              images: "images/s{variant:00}{ext}"
              masks: "masks/s{variant:00}.png"
            pipeline:
              - RandomCrop: { height: 64, width: 64 }
            """);
        var result = ProcessRunner.RunTool(["build", config, "--json"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"could not generate the test sources: {result}");
        }

        Folder = _temp.Combine("pool");
        Directory.CreateDirectory(Path.Combine(Folder, "images"));
        Directory.CreateDirectory(Path.Combine(Folder, "masks"));
        for (var i = 0; i < Count; i++)
        {
            var name = Name(i) + ".png";
            File.WriteAllBytes(Path.Combine(Folder, "images", name), File.ReadAllBytes(_temp.Combine("generated", "images", name)));
            File.WriteAllBytes(Path.Combine(Folder, "masks", name), File.ReadAllBytes(_temp.Combine("generated", "masks", name)));
        }

        var distinct = Enumerable.Range(0, Count).Select(i => Convert.ToHexString(SHA256.HashData(Image(i)))).Distinct().Count();
        if (distinct != Count)
        {
            throw new InvalidOperationException($"the generated sources are not distinct: {distinct} different images of {Count}");
        }
    }

    /// <summary>A folder with images/sNN.png and masks/sNN.png.</summary>
    public string Folder { get; }

    public static string Name(int index) => $"s{index:00}";

    public byte[] Image(int index) => File.ReadAllBytes(Path.Combine(Folder, "images", Name(index) + ".png"));

    public byte[] Mask(int index) => File.ReadAllBytes(Path.Combine(Folder, "masks", Name(index) + ".png"));

    public void Dispose() => _temp.Dispose();
}
