using System.Security.Cryptography;
using System.Text;
using Augment.Core.Config;
using Augment.Core.Imaging;
using Augment.Core.Manifest;
using Augment.Core.Pipeline;
using Newtonsoft.Json.Linq;

namespace Augment.Core.Dataset;

/// <summary>One output that does not hold what its record renders to.</summary>
public sealed record VerifyMismatch(string File, string Message);

public sealed record VerifyReport(int Checked, IReadOnlyList<VerifyMismatch> Mismatches);

/// <summary>
/// Re-renders items from their manifest records (no random number is drawn) and compares the bytes
/// with the files in the output folder: a CI gate that the dataset is what its manifest says.
/// </summary>
public static class DatasetVerifier
{
    /// <param name="sample">Check this many items, chosen by a stable hash of their names; null checks all.</param>
    public static VerifyReport Verify(string configPath, int? sample, string? outputDir = null, int jobs = 1)
    {
        var config = AugmentConfigLoader.Load(configPath);
        var layout = BuildLayout.For(config, new BuildOptions { OutputDir = outputDir });
        var manifest = DatasetManifest.TryRead(layout.ManifestPath)
            ?? throw new FileNotFoundException($"no readable {DatasetManifest.FileName} in {layout.OutputDir}; build first", layout.ManifestPath);
        var items = manifest.Items
            .OrderBy(i => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(i.Image))), StringComparer.Ordinal)
            .Take(sample ?? int.MaxValue)
            .ToList();
        var mismatches = new List<VerifyMismatch>();
        var coco = CocoSource.For(config); // read once, for every source
        Parallel.ForEach(items.GroupBy(i => i.SourceImage), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, group =>
        {
            List<VerifyMismatch> found;
            try
            {
                found = VerifySource(config, layout, group.ToList(), coco);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidImageException or Labels.InvalidLabelsException)
            {
                var file = e is InvalidImageException bad ? bad.FilePath : e is Labels.InvalidLabelsException badLabels ? badLabels.FilePath : Path.Combine(config.Directory, group.Key);
                found = group.Select(i => new VerifyMismatch(layout.OutputPath(i.Image), $"its source cannot be read ({file}): {e.Message}")).ToList();
            }

            lock (mismatches)
            {
                mismatches.AddRange(found);
            }
        });
        if (coco is { Error: null })
        {
            // The output COCO file is what the manifest's items assemble to.
            var expected = CocoOutput.Text(coco.Index, manifest.Items.Select(i => (i.Image, i, coco.EntryNamed(i.SourceLabels))));
            Compare(layout, config.Labels!.CocoOutput, Encoding.UTF8.GetBytes(expected), mismatches);
        }

        return new VerifyReport(items.Count, mismatches.OrderBy(m => m.File, StringComparer.Ordinal).ToList());
    }

    // The source's objects as a build reads them: its label file, or its entry of the COCO file.
    private static Labels.ItemLabels? SourceLabelsOf(AugmentConfig config, CocoSource? coco, ManifestItem item, ImageBuffer image) =>
        config.Labels is null || item.SourceLabels is not { } source ? null
        : coco is not null ? SourceLabels.FromCoco(config, coco, coco.EntryNamed(source), image.Width, image.Height)
        : SourceLabels.ReadUnhashed(config, source, image.Width, image.Height);

    private static List<VerifyMismatch> VerifySource(AugmentConfig config, BuildLayout layout, List<ManifestItem> items, CocoSource? coco)
    {
        var first = items[0];
        using var image = ImageCodec.DecodeFile(Path.Combine(config.Directory, first.SourceImage), config.Limits);
        var masks = first.SourceMasks.Select(m => ImageCodec.DecodeFile(Path.Combine(config.Directory, m), config.Limits)).ToList();
        var found = new List<VerifyMismatch>();
        try
        {
            var labels = SourceLabelsOf(config, coco, first, image);
            foreach (var item in items)
            {
                var record = ItemRecord.FromJson(item.Record, config.Pipeline);
                using var result = ItemRenderer.Replay(config, record, image, masks, labels);
                if (result.Labels is { } kept && item.Labels is { } labelFile)
                {
                    var target = new Labels.LabelTarget(item.Image, result.Image.Width, result.Image.Height, result.Image.Channels, config.Labels!.Keypoints?.Dims ?? 3);
                    Compare(layout, labelFile, config.Labels.Boxes.LabelFormat.Write(kept.Kept, target), found);
                }
                else if (result.Labels is { } cocoKept && !JToken.DeepEquals(CocoOutput.Annotations(cocoKept.Kept), item.Record["labels"]))
                {
                    found.Add(new VerifyMismatch(layout.ManifestPath, $"the labels of {item.Image} differ from their re-render"));
                }

                var format = ImageFormats.FromExtension(item.SourceImage) ?? ImageFormat.Png;
                Compare(layout, item.Image, ImageCodec.EncodeOutput(result.Image, config.OutputFormat.SettingsFor(format)), found);
                foreach (var (relative, mask) in item.Masks.Zip(result.Masks))
                {
                    Compare(layout, relative, ImageCodec.Encode(mask, DatasetPlanner.MaskEncoding), found);
                }
            }
        }
        finally
        {
            masks.ForEach(m => m.Dispose());
        }

        return found;
    }

    private static void Compare(BuildLayout layout, string relative, byte[] expected, List<VerifyMismatch> found)
    {
        var full = layout.OutputPath(relative);
        if (!File.Exists(full))
        {
            found.Add(new VerifyMismatch(full, "missing"));
            return;
        }

        var actual = File.ReadAllBytes(full);
        if (!actual.AsSpan().SequenceEqual(expected))
        {
            var at = actual.AsSpan().CommonPrefixLength(expected);
            found.Add(new VerifyMismatch(full, $"differs from its re-render at byte {at} ({actual.Length} bytes on disk, {expected.Length} rendered)"));
        }
    }
}
