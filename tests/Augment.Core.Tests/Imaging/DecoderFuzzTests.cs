using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Augment.Core.Imaging;
using Augment.Core.Platform;
using Augment.Core.Tests.TestSupport;
using Xunit.Abstractions;

namespace Augment.Core.Tests.Imaging;

/// <summary>
/// Fuzzes the decoders through the public decode API only (<see cref="ImageCodec.Decode"/>), so
/// that it holds whatever sits under it. Thousands of seeded mutations of small real PNG, JPEG, TIFF,
/// WebP and BMP files (<see cref="FuzzSeeds"/>, <see cref="ImageMutator"/>) must each decode to a
/// sane image or be refused with an <see cref="InvalidImageException"/> that names the file (the
/// build's AUG3002): no other exception, no crash, no hang, and nothing on stderr that the engine's
/// process would let through: the codec libraries inside OpenCV print about damaged PNG and JPEG data
/// ("libpng error: ...", "Corrupt JPEG data: ..."), and every such line must be one that
/// <see cref="NativeStderr"/> keeps off the terminal (the CLI tests check the process end to end);
/// and a header enlarged past <c>limits.max_pixels</c> is refused before any pixel is decoded.
/// Every case is reproducible from its number: the failure messages give it with its seed file and
/// mutations. <c>AUGMENT_FUZZ_CASES</c> sets another number of cases per format; if the test host
/// crashes, <c>AUGMENT_FUZZ_TRACE=file</c> writes each case's description there before it is decoded.
/// </summary>
[Collection(StderrCollection.Name)]
public sealed partial class DecoderFuzzTests(ITestOutputHelper output)
{
    private const int MasterSeed = 20_251_203;
    private const int DefaultCasesPerFormat = 2_000;

    // The seeds hold 48x40 = 1,920 pixels: a limit well above that and far below every bomb.
    private static readonly ImageLimits Limits = new(MaxPixels: 16_384);

    // A decode of a file this small takes well under a millisecond; this is a hang.
    private static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(10);

    private static readonly ImageFormat[] Formats = [ImageFormat.Png, ImageFormat.Jpeg, ImageFormat.Tiff, ImageFormat.WebP, ImageFormat.Bmp];

    private enum Outcome
    {
        Decoded,
        RefusedByHeaderChecks,
        RefusedByDecoder,
    }

    [Fact]
    public void Mutated_files_decode_or_are_refused_by_name_with_nothing_on_stderr_the_engine_lets_through()
    {
        var casesPerFormat = int.TryParse(Environment.GetEnvironmentVariable("AUGMENT_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultCasesPerFormat;
        var total = casesPerFormat * Formats.Length;
        _ = FuzzSeeds.All; // encode the seeds outside the capture and the clock
        var run = new Run(total, Environment.GetEnvironmentVariable("AUGMENT_FUZZ_TRACE"));

        var clock = Stopwatch.StartNew();
        var stderr = StderrCapture.Run(() => RunOnWorker(run));
        clock.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total:N0} cases in {clock.Elapsed.TotalSeconds:F2} s ({FuzzSeeds.All.Count} seed files, master seed {MasterSeed})"));
        output.WriteLine($"{"format",-6} {"decoded",8} {"header",8} {"decoder",8}   (refused by the header checks / by the decoder)");
        foreach (var format in Formats)
        {
            var counts = run.Counts[format];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format.DisplayName(),-6} {counts[Outcome.Decoded],8} {counts[Outcome.RefusedByHeaderChecks],8} {counts[Outcome.RefusedByDecoder],8}"));
        }

        output.WriteLine("slowest cases:");
        foreach (var (elapsed, index) in run.Slowest.OrderByDescending(s => s.Elapsed))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {elapsed.TotalMilliseconds,8:F2} ms  {Describe(index)}"));
        }

        Assert.True(run.Hung is null, $"a decode took more than {CaseDeadline.TotalSeconds} s: {run.Hung}");
        Assert.Equal(total, run.Completed);
        Assert.True(run.Failures.Count == 0,
            $"{run.Failures.Count} of {total} cases broke the contract; the first ones:\n" + string.Join("\n\n", run.Failures.Take(12)));
        var through = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !NativeStderr.IsCodecMessage(line)).ToList();
        Assert.True(through.Count == 0, "the batch wrote to stderr what the engine would let through:\n" + Truncate(string.Join("\n", through), 1_000) + "\n" + WhichCasesWriteToStderr(total));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"codec messages on stderr (kept off the terminal by the engine): {stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length}"));

        foreach (var format in Formats)
        {
            var counts = run.Counts[format];
            // Each kind of outcome happens for each format: the mutations get past the header checks
            // into the decoder, and the decoder both accepts and refuses what it is given.
            Assert.True(counts[Outcome.Decoded] > 0, $"no mutated {format} decoded");
            Assert.True(counts[Outcome.RefusedByHeaderChecks] > 0, $"the header checks refused no mutated {format}");
            Assert.True(counts[Outcome.RefusedByDecoder] > 0, $"the decoder refused no mutated {format}");
        }
    }

    /// <summary>
    /// Every seed of every format, its header enlarged to each size over the limit the format can
    /// declare, is refused by the pixel limit with a message naming it, before the decoder sees it:
    /// the refusal comes from the header checks, and managed memory grows by a message, not pixels.
    /// (DecompressionBombTests covers a PNG and a JPEG at the default limit; this covers all five.)
    /// </summary>
    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.Tiff)]
    [InlineData(ImageFormat.WebP)]
    [InlineData(ImageFormat.Bmp)]
    public void Header_declaring_more_than_max_pixels_is_refused_before_decoding(ImageFormat format)
    {
        var bombs = new List<(string Name, byte[] Bytes, long Width, long Height, ImageLimits Limits)>();
        foreach (var seed in FuzzSeeds.Of(format))
        {
            foreach (var limits in new[] { Limits, ImageLimits.Default })
            {
                foreach (var (width, height) in ImageMutator.BombSides(format, limits.MaxPixels))
                {
                    var bomb = ImageMutator.DeclareSize(seed.Bytes, format, width, height);
                    Assert.NotNull(bomb);
                    bombs.Add(($"bomb/{seed.Name} as {width}x{height}{format.EncoderExtension()}", bomb, width, height, limits));
                }
            }
        }

        var failures = new List<string>();
        var stderr = StderrCapture.Run(() =>
        {
            foreach (var (name, bytes, width, height, limits) in bombs)
            {
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var refusal = Record.Exception(() => ImageCodec.Decode(bytes, name, limits).Dispose());
                var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                var declares = string.Create(CultureInfo.InvariantCulture, $"{width}x{height} = {width * height:N0} pixels, over limits.max_pixels ({limits.MaxPixels:N0})");
                if (refusal is not InvalidImageException { InnerException: InvalidDataException } invalid ||
                    invalid.FilePath != name || !invalid.Reason.Contains(declares, StringComparison.Ordinal) || allocated > 1 << 20)
                {
                    failures.Add($"{name} (limit {limits.MaxPixels}): {refusal?.GetType().Name ?? "decoded"} {refusal?.Message}, {allocated} bytes allocated");
                }
            }
        });

        output.WriteLine($"{bombs.Count} {format} bombs refused");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(string.Empty, stderr);
    }

    /// <summary>
    /// Files whose decoder reads another size than the one the header checks used to read: libjpeg
    /// decodes the first of two frame headers, libtiff the first of two ImageWidth entries, and a
    /// classic TIFF's LONG8 width at the offset its entry holds. Each declares a size over the limit
    /// (400x400, 2000x40) where the decoder reads it and one within it in the other place, and must be
    /// refused by the pixel limit before decoding (they were decoded, and refused only afterwards for
    /// the size mismatch).
    /// </summary>
    [Theory]
    [InlineData("JPEG, first of two frame headers")]
    [InlineData("TIFF, first of two ImageWidth entries")]
    [InlineData("TIFF, classic LONG8 ImageWidth")]
    public void Size_the_decoder_reads_is_the_one_the_pixel_limit_guards(string hidden)
    {
        var (bytes, extension, declared) = hidden switch
        {
            "JPEG, first of two frame headers" => (JpegWithTwoFrames(), ".jpg", "400x400"),
            "TIFF, first of two ImageWidth entries" => (TiffWithTwoWidths(), ".tiff", "2000x40"),
            _ => (TiffWithLong8Width(), ".tiff", "2000x40"),
        };
        var path = "hidden-bomb" + extension;

        InvalidImageException? refusal = null;
        var stderr = StderrCapture.Run(() => refusal = Assert.Throws<InvalidImageException>(() => ImageCodec.Decode(bytes, path, Limits).Dispose()));

        Assert.NotNull(refusal);
        Assert.IsType<InvalidDataException>(refusal.InnerException);
        Assert.Contains($"declares {declared} =", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("limits.max_pixels", refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    /// <summary>
    /// PNGs that libpng refuses after printing "libpng error: ..." (and warnings) to stderr, found by
    /// the fuzzing: the structure checks refuse them first, quietly, saying what is wrong.
    /// </summary>
    [Theory]
    [InlineData("bit depth 32", "colour type 2 with bit depth 32")]
    [InlineData("colour type 7", "colour type 7 with bit depth 8")]
    [InlineData("palette of 16 bits", "colour type 3 with bit depth 16")]
    [InlineData("compression method 1", "compression method 1")]
    [InlineData("filter method 1", "filter method 1")]
    [InlineData("interlace method 2", "interlace method 2")]
    [InlineData("IHDR of 14 bytes", "IHDR is 14 bytes long, not 13")]
    [InlineData("1,000,001 pixels wide", "libpng reads at most 1,000,000 pixels a side")]
    [InlineData("a second IHDR", "a second IHDR chunk")]
    [InlineData("an unknown critical chunk", "unknown critical chunk 'ABCD'")]
    [InlineData("a palette image without PLTE", "no PLTE chunk before its image data")]
    public void Png_that_libpng_would_refuse_is_refused_first_with_nothing_on_stderr(string damage, string reason)
    {
        var png = FuzzSeeds.Of(ImageFormat.Png).Single(s => s.Name == "BGR 8-bit").Bytes;
        var palette = FuzzSeeds.Of(ImageFormat.Png).Single(s => s.Name == "palette 8-bit").Bytes;
        const int ihdrData = 16; // signature (8), IHDR's length (4) and type (4)
        var bytes = damage switch
        {
            "bit depth 32" => WithIhdrByte(png, 8, 32),
            "colour type 7" => WithIhdrByte(png, 9, 7),
            "palette of 16 bits" => WithIhdrByte(WithIhdrByte(png, 9, 3), 8, 16),
            "compression method 1" => WithIhdrByte(png, 10, 1),
            "filter method 1" => WithIhdrByte(png, 11, 1),
            "interlace method 2" => WithIhdrByte(png, 12, 2),
            "IHDR of 14 bytes" => ImageMutator.FixAllPngCrcs([.. png.AsSpan(0, 11), 14, .. png.AsSpan(12, 17), 0, .. png.AsSpan(29)]),
            "1,000,001 pixels wide" => ImageMutator.DeclareSize(png, ImageFormat.Png, 1_000_001, 1)!,
            "a second IHDR" => PngChunks.WithChunkBeforeImageData(png, "IHDR", png.AsSpan(ihdrData, 13)),
            "an unknown critical chunk" => PngChunks.WithChunkBeforeImageData(png, "ABCD", [1, 2, 3]),
            _ => [.. palette.AsSpan(0, 33), .. palette.AsSpan(33 + 12 + (3 * 256))], // PLTE removed
        };
        const string path = "libpng-refuses.png";

        InvalidImageException? refusal = null;
        var stderr = StderrCapture.Run(() => refusal = Assert.Throws<InvalidImageException>(() => ImageCodec.Decode(bytes, path).Dispose()));

        Assert.NotNull(refusal);
        Assert.Equal(path, refusal.FilePath);
        Assert.IsType<InvalidDataException>(refusal.InnerException);
        Assert.Contains(reason, refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    private static byte[] WithIhdrByte(byte[] png, int field, byte value)
    {
        var copy = (byte[])png.Clone();
        copy[16 + field] = value;
        return ImageMutator.FixAllPngCrcs(copy);
    }

    // SOF(400x400) ... the scan of the 48x40 seed ... SOF(48x40) EOI.
    private static byte[] JpegWithTwoFrames()
    {
        var seed = FuzzSeeds.Of(ImageFormat.Jpeg)[0].Bytes;
        var sof = seed.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        var length = 2 + BinaryPrimitives.ReadUInt16BigEndian(seed.AsSpan(sof + 2));
        var frame = seed.AsSpan(sof, length);
        var large = frame.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(large.AsSpan(5), 400);
        BinaryPrimitives.WriteUInt16BigEndian(large.AsSpan(7), 400);
        return [.. seed.AsSpan(0, sof), .. large, .. seed.AsSpan(sof + length, seed.Length - 2 - sof - length), .. frame, 0xFF, 0xD9];
    }

    // A 2000x40 strip whose directory's first ImageWidth says 2000 and a second (in place of
    // Compression, whose default is none) says 48.
    private static byte[] TiffWithTwoWidths()
    {
        var tiff = MinimalTiff.Gray8(2000, 40, new byte[2000 * 40], bigEndian: false);
        WriteTiffEntry(tiff, 0, 256, 4, 2000);
        WriteTiffEntry(tiff, 3, 256, 4, 48);
        return tiff;
    }

    // A 2000x40 strip whose ImageWidth is a LONG8, moved to the end of the directory: its entry
    // holds the offset (of 8 bytes among the first pixels) that says 2000; the offset, 130, is not the width.
    private static byte[] TiffWithLong8Width()
    {
        var strip = MinimalTiff.Gray8(2000, 40, new byte[2000 * 40], bigEndian: false);
        var tiff = (byte[])strip.Clone();
        const int valueAt = 130; // the pixels start at 122
        BinaryPrimitives.WriteUInt64LittleEndian(tiff.AsSpan(valueAt), 2000);
        // Entries 1..8 (ImageLength onwards) move up one; ImageWidth becomes the last.
        strip.AsSpan(10 + 12, 12 * 8).CopyTo(tiff.AsSpan(10));
        WriteTiffEntry(tiff, 8, 256, 16, valueAt);
        return tiff;
    }

    private static void WriteTiffEntry(byte[] tiff, int index, ushort tag, ushort type, uint value)
    {
        var at = 10 + (12 * index); // MinimalTiff's directory is at byte 8
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    // The cases run on a thread of their own, watched from this one: a case that does not finish
    // within the deadline fails the test with its description (the thread is left behind).
    private static void RunOnWorker(Run run)
    {
        var worker = new Thread(() => RunCases(run)) { IsBackground = true, Name = "decoder fuzz" };
        worker.Start();
        while (!worker.Join(TimeSpan.FromMilliseconds(100)))
        {
            var started = Interlocked.Read(ref run.CaseStarted);
            if (started != 0 && Stopwatch.GetElapsedTime(started) > CaseDeadline)
            {
                run.Hung = Describe(Volatile.Read(ref run.CurrentCase));
                return;
            }
        }

        if (run.WorkerError is not null)
        {
            throw new InvalidOperationException($"the fuzz loop itself failed at case {run.CurrentCase}", run.WorkerError);
        }
    }

    private static void RunCases(Run run)
    {
        try
        {
            using var trace = run.TracePath is null ? null : new StreamWriter(run.TracePath, append: false) { AutoFlush = true };
            for (var index = 0; index < run.Total; index++)
            {
                Volatile.Write(ref run.CurrentCase, index);
                var fuzzCase = Generate(index);
                trace?.WriteLine(fuzzCase.Description);
                var started = Stopwatch.GetTimestamp();
                Interlocked.Exchange(ref run.CaseStarted, started);
                var (outcome, failure) = Check(fuzzCase);
                run.Record(index, Stopwatch.GetElapsedTime(started));
                run.Counts[fuzzCase.Format][outcome]++;
                if (failure is not null)
                {
                    run.Failures.Add($"{fuzzCase.Description}\n  {failure}");
                }

                run.Completed++;
            }

            Interlocked.Exchange(ref run.CaseStarted, 0);
        }
        catch (Exception e)
        {
            run.WorkerError = e;
        }
    }

    /// <summary>Decodes one case; returns its outcome, and what was wrong with it if anything.</summary>
    private static (Outcome Outcome, string? Failure) Check(FuzzCase fuzzCase)
    {
        ImageBuffer image;
        try
        {
            image = ImageCodec.Decode(fuzzCase.Bytes, fuzzCase.Path, Limits);
        }
        catch (InvalidImageException e)
        {
            var outcome = e.InnerException is InvalidDataException ? Outcome.RefusedByHeaderChecks : Outcome.RefusedByDecoder;
            return (outcome, CheckRefusal(fuzzCase, e, outcome));
        }
#pragma warning disable CA1031 // any other exception is the finding this test reports
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (Outcome.RefusedByDecoder, $"threw {e.GetType().FullName} instead of InvalidImageException: {Truncate(e.ToString(), 1_500)}");
        }

        using (image)
        {
            return (Outcome.Decoded, CheckDecoded(fuzzCase, image));
        }
    }

    private static string? CheckRefusal(FuzzCase fuzzCase, InvalidImageException refusal, Outcome outcome)
    {
        if (refusal.FilePath != fuzzCase.Path)
        {
            return $"the refusal names \"{refusal.FilePath}\", not \"{fuzzCase.Path}\": {refusal.Message}";
        }

        if (!refusal.Message.StartsWith(fuzzCase.Path + ": ", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(refusal.Reason))
        {
            return $"the refusal's message does not start with the path and a reason: \"{refusal.Message}\"";
        }

        // A size check after decoding is no bomb guard: pixels over the limit must never be decoded.
        var decoded = DecodedSize().Match(refusal.Reason);
        if (decoded.Success &&
            long.Parse(decoded.Groups[1].Value, CultureInfo.InvariantCulture) * long.Parse(decoded.Groups[2].Value, CultureInfo.InvariantCulture) > Limits.MaxPixels)
        {
            return $"the decoder decoded more pixels than limits.max_pixels ({Limits.MaxPixels}) before the file was refused: {refusal.Message}";
        }

        if (fuzzCase.PureBomb && (outcome != Outcome.RefusedByHeaderChecks || !refusal.Reason.Contains("limits.max_pixels", StringComparison.Ordinal)))
        {
            return $"a header declaring more than limits.max_pixels was not refused by the pixel limit: {refusal.Message}";
        }

        return null;
    }

    private static string? CheckDecoded(FuzzCase fuzzCase, ImageBuffer image)
    {
        if (fuzzCase.PureBomb)
        {
            return $"a header declaring more than limits.max_pixels decoded, as {image}";
        }

        if (image.Width <= 0 || image.Height <= 0 || (long)image.Width * image.Height > Limits.MaxPixels ||
            image.Channels is not (1 or 3 or 4) || image.DepthBits is not (8 or 16))
        {
            return $"decoded to an impossible image: {image}";
        }

        // Touch the first and the last sample: the rows are really there.
        var rowBytes = image.Width * image.BytesPerPixel;
        if (image.Row(0).Length != rowBytes || image.Row(image.Height - 1).Length != rowBytes)
        {
            return $"rows of {image.Row(0).Length} bytes, not {rowBytes}: {image}";
        }

        _ = image.Row(0)[0] + image.Row(image.Height - 1)[^1];
        return null;
    }

    // When the batch wrote to stderr: decode every case again, each with its own capture, and group
    // the cases by format, outcome and what they wrote (numbers masked), with the first of each group.
    private static string WhichCasesWriteToStderr(int total)
    {
        var groups = new Dictionary<string, (int Count, string First)>();
        for (var index = 0; index < total; index++)
        {
            var fuzzCase = Generate(index);
            var outcome = Outcome.Decoded;
            var written = StderrCapture.Run(() => outcome = Check(fuzzCase).Outcome);
            if (written.Length > 0)
            {
                var key = $"{fuzzCase.Format.DisplayName()}, {outcome}: {Digits().Replace(Truncate(written, 300).ReplaceLineEndings(" | "), "N")}";
                groups[key] = groups.TryGetValue(key, out var group) ? (group.Count + 1, group.First) : (1, fuzzCase.Description);
            }
        }

        if (groups.Count == 0)
        {
            return "(no single case writes it when decoded alone)";
        }

        var report = new StringBuilder($"{groups.Values.Sum(g => g.Count)} cases write to stderr, by what they write:\n");
        foreach (var (key, (count, first)) in groups.OrderByDescending(g => g.Value.Count).Take(30))
        {
            report.Append(CultureInfo.InvariantCulture, $"{count,5}  {key}\n         first: {first}\n");
        }

        return report.ToString();
    }

    private sealed record FuzzCase(int Index, ImageFormat Format, string Path, byte[] Bytes, bool PureBomb, string Description);

    /// <summary>Case <paramref name="index"/>: the same bytes on every run and machine.</summary>
    private static FuzzCase Generate(int index)
    {
        var format = Formats[index % Formats.Length];
        var seeds = FuzzSeeds.Of(format);
        var seed = seeds[(index / Formats.Length) % seeds.Count];
        var randomSeed = unchecked((int)((uint)MasterSeed ^ ((uint)index * 0x9E3779B9u)));
        var mutator = new ImageMutator(new Random(randomSeed));
        var bytes = mutator.Mutate(seed.Bytes, format, Limits.MaxPixels);
        var path = $"fuzz/case-{index}{format.EncoderExtension()}";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"case {index} ({path}, {bytes.Length} bytes): {format.DisplayName()} seed \"{seed.Name}\" ({seed.Bytes.Length} bytes), Random({randomSeed}): {string.Join("; ", mutator.Steps)}");
        return new FuzzCase(index, format, path, bytes, mutator.PureBomb, description);
    }

    private static string Describe(int index) => Generate(index).Description;

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";

    [GeneratedRegex(@"but (\d+)x(\d+) decoded")]
    private static partial Regex DecodedSize();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    /// <summary>Everything the worker thread reports; written by it, read by the test once it has stopped.</summary>
    private sealed class Run(int total, string? tracePath)
    {
        private const int SlowestKept = 5;

        public int CurrentCase;
        public long CaseStarted;

        public int Total { get; } = total;

        public string? TracePath { get; } = tracePath;

        public int Completed { get; set; }

        public string? Hung { get; set; }

        public Exception? WorkerError { get; set; }

        public List<string> Failures { get; } = [];

        public Dictionary<ImageFormat, Dictionary<Outcome, int>> Counts { get; } =
            Formats.ToDictionary(f => f, _ => Enum.GetValues<Outcome>().ToDictionary(o => o, _ => 0));

        public List<(TimeSpan Elapsed, int Index)> Slowest { get; } = [];

        public void Record(int index, TimeSpan elapsed)
        {
            if (Slowest.Count < SlowestKept)
            {
                Slowest.Add((elapsed, index));
                return;
            }

            var fastest = Slowest.IndexOf(Slowest.MinBy(s => s.Elapsed));
            if (elapsed > Slowest[fastest].Elapsed)
            {
                Slowest[fastest] = (elapsed, index);
            }
        }
    }
}
