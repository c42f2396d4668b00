using System.Diagnostics;
using System.Globalization;
using Augment.Core.Config;
using Augment.Core.Dataset;
using Augment.Core.Imaging;

// The codec floor (PRODUCT.md section 11): decode every source of a config once and encode every
// output item with no op applied, with the decoder and encoder settings a build uses (the engine's
// ImageCodec: the same PNG chunk checks before decoding, the output format's settings, masks as
// EncodeSettings.Mask), over the same number of parallel jobs, writing each file to the output
// folder. No hashing, no cache, no manifest: those belong to the build's cost.
//
//   Augment.Bench.Floor CONFIG OUTPUT_DIR JOBS      prints {"items": N, "seconds": S}
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Augment.Bench.Floor CONFIG OUTPUT_DIR JOBS");
    return 2;
}

var clock = Stopwatch.StartNew();
var config = AugmentConfigLoader.Load(args[0]);
var outputDir = Path.GetFullPath(args[1]);
var jobs = int.Parse(args[2], CultureInfo.InvariantCulture);
var outputs = OutputNaming.Name(config, InputScanner.Scan(config, outputDir));
var groups = outputs.GroupBy(o => o.Source.Image).Select(g => g.ToList()).ToList();
var items = 0;

Parallel.ForEach(groups, new ParallelOptions { MaxDegreeOfParallelism = jobs }, group =>
{
    var source = group[0].Source;
    using var image = Decode(source.Image);
    var masks = source.Masks.Select(Decode).ToList();
    var settings = config.OutputFormat.SettingsFor(ImageFormats.FromExtension(source.Image) ?? ImageFormat.Png);
    foreach (var output in group)
    {
        Write(output.Image, ImageCodec.EncodeOutput(image, settings, output.Image));
        for (var m = 0; m < masks.Count; m++)
        {
            Write(output.Masks[m], ImageCodec.Encode(masks[m], EncodeSettings.Mask, output.Masks[m]));
        }

        Interlocked.Increment(ref items);
    }

    masks.ForEach(m => m.Dispose());
});

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"items\": {items}, \"seconds\": {clock.Elapsed.TotalSeconds:F3}}}"));
return 0;

ImageBuffer Decode(string relative)
{
    var full = Path.Combine(config.Directory, relative);
    return ImageCodec.Decode(File.ReadAllBytes(full), full, config.Limits);
}

void Write(string relative, byte[] bytes)
{
    var full = Path.Combine(outputDir, relative);
    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    File.WriteAllBytes(full, bytes);
}
