using System.Globalization;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Pipeline;
using Augment.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Augment.Core.Tests.Pipeline;

public sealed class ScratchTests(ITestOutputHelper output)
{
    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static ImageBuffer Sequential(IReadOnlyList<IOp> pipeline, IReadOnlyList<OpRecord> records, ImageBuffer source)
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
                if (va[p] == 255 && vb[p] == 255)
{
for (var c = 0; c < ch; c++)
{
diffs.Add(Math.Abs(a[p * ch + c] - b[p * ch + c]));
}
}
            }
            diffs.Sort();
            output.WriteLine($"{trial} n={n} passes={fused.Passes} valid={F(diffs.Count / (double)a.Length)} mae={F(diffs.Average())} p99={diffs[(int)(diffs.Count * 0.99)]} max={diffs[^1]} :: {string.Join(" | ", ops.Select(o => o[2..12]))}");
        }
    }

    private static double Laplacian(int[] s, int[] valid, int w, int h, int ch)
    {
        double sum = 0;
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                if (valid[(y * w) + x] != 255 || valid[(y * w) + x - 1] != 255 || valid[(y * w) + x + 1] != 255 || valid[((y - 1) * w) + x] != 255 || valid[((y + 1) * w) + x] != 255)
                {
                    continue;
                }

                for (var c = 0; c < ch; c++)
                {
                    var l = (4 * s[(((y * w) + x) * ch) + c]) - s[(((y * w) + x - 1) * ch) + c] - s[(((y * w) + x + 1) * ch) + c] - s[((((y - 1) * w) + x) * ch) + c] - s[((((y + 1) * w) + x) * ch) + c];
                    sum += (double)l * l;
                }
            }
        }

        return sum;
    }

    private static double Psnr(int[] a, int[] b, int[] valid, int ch)
    {
        double se = 0;
        var n = 0;
        for (var p = 0; p < valid.Length; p++)
        {
            if (valid[p] != 255)
            {
                continue;
            }

            for (var c = 0; c < ch; c++)
            {
                var d = a[(p * ch) + c] - b[(p * ch) + c];
                se += d * d;
                n++;
            }
        }

        return 10 * Math.Log10(255.0 * 255 / (se / n));
    }

    [Fact]
    public void Sharp()
    {
        foreach (var name in new[] { "astronaut.png", "coffee.png", "chelsea.png", "rocket.jpg", "coins.png" })
        {
            using var src = PipelineTestKit.LoadCentreCrop(name, 192);
            var ch = src.Channels;
            var ss = PipelineTestKit.Samples(src);
            foreach (var (a, b) in new[] { (10.0, 15.0), (7.5, -20.0), (13.0, 13.0) })
            {
                var pipeline = PipelineTestKit.Pipeline($"- Rotate: {{ limit: [{F(a)}, {F(a)}], p: 1 }}\n- Rotate: {{ limit: [{F(b)}, {F(b)}], p: 1 }}");
                var single = PipelineTestKit.Pipeline($"- Rotate: {{ limit: [{F(a + b)}, {F(a + b)}], p: 1 }}");
                var records = PipelineTestKit.Sample(pipeline, src);
                using var fused = PipelineTestKit.Render(pipeline, records, src);
                using var seq = Sequential(pipeline, records, src);
                using var reference = PipelineTestKit.Render(single, PipelineTestKit.Sample(single, src), src);
                using var ones = PipelineTestKit.Filled(src.Width, src.Height, 8, 1, 255);
                using var vs = Sequential(pipeline, records, ones);
                var valid = PipelineTestKit.Samples(vs);
                var f = PipelineTestKit.Samples(fused.Image);
                var q = PipelineTestKit.Samples(seq);
                var r = PipelineTestKit.Samples(reference.Image);
                output.WriteLine($"{name} {a}+{b}: fused-vs-ref {F(Psnr(f, r, valid, ch))} seq-vs-ref {F(Psnr(q, r, valid, ch))}  lapF/lapS {F(Laplacian(f, valid, src.Width, src.Height, ch) / Laplacian(q, valid, src.Width, src.Height, ch))} lapF/lapRef {F(Laplacian(f, valid, src.Width, src.Height, ch) / Laplacian(r, valid, src.Width, src.Height, ch))}");
            }

            foreach (var t in new[] { 5.0, 17.3, 33.0 })
            {
                var pipeline = PipelineTestKit.Pipeline($"- Rotate: {{ limit: [{F(t)}, {F(t)}], p: 1 }}\n- Rotate: {{ limit: [{F(-t)}, {F(-t)}], p: 1 }}");
                var records = PipelineTestKit.Sample(pipeline, src);
                using var fused = PipelineTestKit.Render(pipeline, records, src);
                using var seq = Sequential(pipeline, records, src);
                using var ones = PipelineTestKit.Filled(src.Width, src.Height, 8, 1, 255);
                using var vs = Sequential(pipeline, records, ones);
                var valid = PipelineTestKit.Samples(vs);
                var f = PipelineTestKit.Samples(fused.Image);
                var q = PipelineTestKit.Samples(seq);
                output.WriteLine($"{name} +-{t}: passes {fused.Passes} fused-vs-src {F(Psnr(f, ss, valid, ch))} seq-vs-src {F(Psnr(q, ss, valid, ch))} lap seq/src {F(Laplacian(q, valid, src.Width, src.Height, ch) / Laplacian(ss, valid, src.Width, src.Height, ch))} valid {F(valid.Count(v => v == 255) / (double)valid.Length)}");
            }

            {
                var pipeline = PipelineTestKit.Pipeline("- Affine: { scale: 1.25, rotate: 12, p: 1 }\n- Affine: { scale: 0.8, rotate: -12, p: 1 }");
                var records = PipelineTestKit.Sample(pipeline, src);
                using var fused = PipelineTestKit.Render(pipeline, records, src);
                using var seq = Sequential(pipeline, records, src);
                using var ones = PipelineTestKit.Filled(src.Width, src.Height, 8, 1, 255);
                using var vs = Sequential(pipeline, records, ones);
                var valid = PipelineTestKit.Samples(vs);
                var f = PipelineTestKit.Samples(fused.Image);
                var q = PipelineTestKit.Samples(seq);
                output.WriteLine($"{name} affine-inv: passes {fused.Passes} fused-vs-src {F(Psnr(f, ss, valid, ch))} seq-vs-src {F(Psnr(q, ss, valid, ch))} lap seq/src {F(Laplacian(q, valid, src.Width, src.Height, ch) / Laplacian(ss, valid, src.Width, src.Height, ch))}");
            }

            {
                // 1-px shift MAE
                using var shifted = PipelineTestKit.Crop(src, 1, 0, src.Width - 1, src.Height);
                using var orig = PipelineTestKit.Crop(src, 0, 0, src.Width - 1, src.Height);
                var a1 = PipelineTestKit.Samples(shifted);
                var b1 = PipelineTestKit.Samples(orig);
                output.WriteLine($"{name} 1px shift mae {F(a1.Zip(b1, (x, y) => Math.Abs(x - y)).Average())}");
            }
        }
    }

    [Fact]
    public void Masks()
    {
        using var coins = PipelineTestKit.Load("coins.png");
        using var mask = PipelineTestKit.Load("coins_mask.png");
        var cs = PipelineTestKit.Samples(coins);
        var ms = PipelineTestKit.Samples(mask);
        foreach (var t in new[] { 80, 100, 110, 120, 130, 150 })
        {
            var inter = cs.Zip(ms).Count(z => z.First > t && z.Second > 0);
            var union = cs.Zip(ms).Count(z => z.First > t || z.Second > 0);
            output.WriteLine($"t={t} fg={F(cs.Count(v => v > t) / (double)cs.Length)} iou with labels={F(inter / (double)union)}");
        }

        var hist = new int[26];
        foreach (var v in cs) { hist[v / 10]++; }
        output.WriteLine(string.Join(",", hist));
        const int T = 110;
        using var derived = PipelineTestKit.FromSamples(coins.Width, coins.Height, 8, 1, cs.Select(v => v > T ? 1 : 0).ToArray());
        var pipeline = PipelineTestKit.Pipeline("- HorizontalFlip: { p: 0.5 }\n- Rotate: { limit: 40, p: 1 }\n- Affine: { scale: [0.8, 1.25], shear: [-15, 15], translate_percent: [-0.1, 0.1], p: 1 }\n- Transpose: { p: 0.5 }\n- RandomRotate90: { p: 0.5 }");
        for (var v = 0; v < 8; v++)
        {
            var records = PipelineTestKit.Sample(pipeline, coins, "images/coins.png", v);
            using var r = PipelineTestKit.Render(pipeline, records, coins, 255, derived);
            var img = PipelineTestKit.Samples(r.Image);
            var m = PipelineTestKit.Samples(r.Masks[0]);
            int i = 0, u = 0;
            for (var k = 0; k < m.Length; k++)
            {
                if (m[k] == 255) { continue; }
                var a = img[k] > T; var b = m[k] == 1;
                if (a && b) { i++; }
                if (a || b) { u++; }
            }
            // shifted control: compare with mask shifted by 2 px
            int i2 = 0, u2 = 0;
            for (var k = 2; k < m.Length; k++)
            {
                if (m[k - 2] == 255) { continue; }
                var a = img[k] > T; var b = m[k - 2] == 1;
                if (a && b) { i2++; }
                if (a || b) { u2++; }
            }
            output.WriteLine($"v{v} iou {F(i / (double)u)} shifted2 {F(i2 / (double)u2)} passes {r.Passes}");
        }

        var p2 = PipelineTestKit.Pipeline("- Rotate: { limit: [20, 20], p: 1 }\n- RandomBrightnessContrast: { p: 1 }\n- Affine: { scale: 1.1, rotate: 7, p: 1 }");
        var p3 = PipelineTestKit.Pipeline("- Rotate: { limit: [20, 20], p: 1 }\n- VerticalFlip: { p: 0 }\n- Affine: { scale: 1.1, rotate: 7, p: 1 }");
        using var r2 = PipelineTestKit.Render(p2, PipelineTestKit.Sample(p2, coins), coins, 255, mask);
        using var r3 = PipelineTestKit.Render(p3, PipelineTestKit.Sample(p3, coins), coins, 255, mask);
        var d = PipelineTestKit.Samples(r2.Masks[0]).Zip(PipelineTestKit.Samples(r3.Masks[0])).Count(z => z.First != z.Second);
        output.WriteLine($"split mask differs in {d} px, passes {r2.Passes} vs {r3.Passes}");
    }
}
