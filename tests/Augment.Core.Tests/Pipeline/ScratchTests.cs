using System.Globalization;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Augment.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Augment.Core.Tests.Pipeline;

public sealed class ScratchTests(ITestOutputHelper output)
{
    static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    static ImageBuffer Sequential(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer source)
    {
        var current = source.Clone();
        foreach (var r in records.Where(r => r.Applied))
        {
            using var res = PipelineTestKit.Render(pipeline, [r], current);
            current.Dispose();
            current = res.Image.Clone();
        }
        return current;
    }

    [Fact]
    public void Explore()
    {
        var rnd = new Random(7);
        string[] names = ["astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg"];
        for (var trial = 0; trial < 16; trial++)
        {
            var ops = new List<string>();
            var n = rnd.Next(2, 5);
            for (var i = 0; i < n; i++)
            {
                ops.Add(rnd.Next(4) switch
                {
                    0 => "- Rotate: { limit: 30, p: 1 }",
                    1 => "- Affine: { scale: [0.85, 1.15], rotate: [-20, 20], shear: [-12, 12], translate_percent: [-0.08, 0.08], p: 1 }",
                    2 => "- HorizontalFlip: { p: 1 }",
                    _ => "- VerticalFlip: { p: 1 }",
                });
            }
            var pipeline = PipelineTestKit.Pipeline(string.Join("\n", ops));
            using var src = PipelineTestKit.LoadCentreCrop(names[trial % names.Length], 192);
            var records = PipelineTestKit.Sample(pipeline, src, "images/x.png", trial);
            using var fused = PipelineTestKit.Render(pipeline, records, src);
            using var seq = Sequential(pipeline, records, src);
            using var ones = PipelineTestKit.Filled(src.Width, src.Height, 8, 1, 255);
            using var vf = PipelineTestKit.Render(pipeline, records, ones);
            using var vs = Sequential(pipeline, records, ones);
            var a = PipelineTestKit.Samples(fused.Image); var b = PipelineTestKit.Samples(seq);
            var va = PipelineTestKit.Samples(vf.Image); var vb = PipelineTestKit.Samples(vs);
            var diffs = new List<int>();
            var ch = src.Channels;
            for (var p = 0; p < va.Length; p++)
            {
                if (va[p] == 255 && vb[p] == 255) for (var c = 0; c < ch; c++) diffs.Add(Math.Abs(a[p * ch + c] - b[p * ch + c]));
            }
            diffs.Sort();
            output.WriteLine($"{trial} n={n} passes={fused.Passes} valid={F(diffs.Count / (double)a.Length)} mae={F(diffs.Average())} p99={diffs[(int)(diffs.Count * 0.99)]} max={diffs[^1]} :: {string.Join(" | ", ops.Select(o => o[2..12]))}");
        }
    }
}
