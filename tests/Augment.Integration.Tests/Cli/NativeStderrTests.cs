using Augment.Integration.Tests.TestSupport;

namespace Augment.Integration.Tests.Cli;

/// <summary>
/// PRODUCT section 10: native warnings never reach the user's terminal as raw stderr. The codec
/// libraries inside OpenCV print about damaged data ("libpng error: ...", "Corrupt JPEG data: ...");
/// the engine keeps those off stderr and reports the file as AUG3002, and passes on any other native
/// output.
/// </summary>
public sealed class NativeStderrTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Damaged_files_that_make_libpng_and_libjpeg_print_leave_only_the_tools_own_lines()
    {
        var images = _temp.Combine("images");
        Directory.CreateDirectory(images);
        // A PNG whose compressed data is damaged but whose chunk CRCs are valid (libpng: "bad adaptive
        // filter value" or "invalid distance"), and a JPEG with a third of its data cut out of the
        // middle, end marker kept (libjpeg: "Corrupt JPEG data: premature end of data segment").
        File.WriteAllBytes(Path.Combine(images, "png_bad.png"), DamagedPng(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "sample-dataset", "images", "horse.png"))));
        var jpeg = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "sample-dataset", "images", "rocket.jpg"));
        File.WriteAllBytes(Path.Combine(images, "jpg_cut.jpg"), [.. jpeg.AsSpan(0, jpeg.Length / 3), .. jpeg.AsSpan(2 * jpeg.Length / 3)]);
        var config = _temp.Combine("augment.yaml");
        File.WriteAllText(config, "version: 1\nseed: 1\ninputs:\n  images: \"images/*\"\noutput:\n  dir: out\npipeline:\n  - HorizontalFlip: { p: 1 }\n");

        var result = ProcessRunner.RunTool(["build", config, "--jobs", "1"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("png_bad.png: corrupt PNG", StringComparison.Ordinal));
        Assert.DoesNotContain("libpng", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Corrupt JPEG", result.StandardError, StringComparison.Ordinal);
        // Only the tool's own lines: the plan, progress, the errors.
        Assert.All(lines, l => Assert.Matches(@"^(\d+ to render|\d+/\d+ items|error: )", l));
    }

    [Fact]
    public void Other_native_output_still_reaches_stderr()
    {
        // OpenCV warns on stderr about a CPU feature it does not know, as it loads.
        var result = ProcessRunner.RunTool(["--version"], new Dictionary<string, string?> { ["OPENCV_CPU_DISABLE"] = "NOT_A_FEATURE" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("NOT_A_FEATURE", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_and_errors_into_one_file_keep_the_lines_of_both()
    {
        // `dotnet augment build > log 2>&1`, as CI jobs run it: stdout and stderr share one file and its offset.
        var images = _temp.Combine("images");
        Directory.CreateDirectory(images);
        File.Copy(Path.Combine(RepoPaths.Root, "sample-dataset", "images", "horse.png"), Path.Combine(images, "good.png"));
        File.WriteAllBytes(Path.Combine(images, "bad.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        var config = _temp.Combine("augment.yaml");
        File.WriteAllText(config, "version: 1\nseed: 1\ninputs:\n  images: \"images/*\"\noutput:\n  dir: out\npipeline:\n  - HorizontalFlip: { p: 1 }\n");

        var result = ProcessRunner.RunWithOutputInFile("dotnet", ["exec", RepoPaths.CliAssembly, "build", config, "--jobs", "1"], _temp.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // stdout's plan line, stderr's progress and error, stdout's summary: each whole, in the order written.
        Assert.Equal(0, Array.FindIndex(lines, l => l == "2 to render, 0 to restore from the cache, 0 up to date"));
        var error = Array.FindIndex(lines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.EndsWith("bad.png: truncated PNG: the data ends inside the IHDR header", StringComparison.Ordinal));
        var summary = Array.FindIndex(lines, l => l.StartsWith("1 built (1 rendered, 0 from cache), 0 up to date, 0 removed, 1 failed in ", StringComparison.Ordinal));
        Assert.True(error > 0 && summary > error, result.StandardOutput);
    }

    public void Dispose() => _temp.Dispose();

    private static byte[] DamagedPng(byte[] png)
    {
        var output = new List<byte>(png[..8]);
        for (var at = 8; at < png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var chunk = png.AsSpan(at + 4, length + 4).ToArray(); // type and data
            if (chunk.AsSpan(0, 4).SequenceEqual("IDAT"u8) && length > 100)
            {
                for (var i = length / 2; i < (length / 2) + 20; i++)
                {
                    chunk[4 + i] ^= 0x5a;
                }
            }

            output.AddRange(png.AsSpan(at, 4).ToArray());
            output.AddRange(chunk);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(chunk));
            output.AddRange(crc);
            at += length + 12;
        }

        return [.. output];
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a test helper, not a hot path.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
