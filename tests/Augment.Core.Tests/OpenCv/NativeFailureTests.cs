using Augment.Core.OpenCv;

namespace Augment.Core.Tests.OpenCv;

/// <summary>A failing OpenCV call surfaces as an <see cref="AugmentNativeException"/> carrying OpenCV's message.</summary>
public sealed class NativeFailureTests
{
    [Fact]
    public void Allocation_opencv_cannot_satisfy_reports_out_of_memory()
    {
        // 10^12 pixels of 4 bytes: 4 TB, which no test machine can allocate. OpenCV reports it as a
        // cv::Exception with code StsNoMem, which the adapter maps to its out-of-memory status so
        // that it is never taken for corrupt input.
        var error = Assert.Throws<AugmentNativeException>(() => NativeImage.Create(1_000_000, 1_000_000, 8, 4));

        Assert.Equal(NativeStatus.OutOfMemory, error.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
        Assert.Equal(error.NativeMessage, error.Message);
    }

    [Fact]
    public void Argument_the_adapter_refuses_reports_its_message()
    {
        var error = Assert.Throws<AugmentNativeException>(() => NativeImage.Create(16, 16, 32, 1));

        Assert.Equal(NativeStatus.InvalidArgument, error.Status);
        Assert.Equal("depth must be 8 or 16 bits", error.NativeMessage);
    }

    [Fact]
    public void Undecodable_bytes_name_the_file_being_processed()
    {
        var error = Assert.Throws<AugmentNativeException>(() => NativeImage.Decode([1, 2, 3, 4], "images/odd.bin"));

        Assert.Equal(NativeStatus.DecodeFailed, error.Status);
        Assert.Equal("images/odd.bin", error.FilePath);
        Assert.StartsWith("images/odd.bin: ", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
    }

    [Fact]
    public void Opencv_error_keeps_its_text_without_the_build_machines_source_path()
    {
        using var image = NativeImage.Create(8, 8, 8, 3);

        var error = Assert.Throws<AugmentNativeException>(() => image.Encode(".not-a-format", [], "out/a.bin"));

        Assert.Equal(NativeStatus.OpenCvError, error.Status);
        Assert.Equal("out/a.bin", error.FilePath);
        Assert.Contains("encoder", error.NativeMessage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(".cpp:", error.NativeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_on_two_threads_at_once_keep_their_own_messages()
    {
        var messages = new string[2];
        Parallel.For(0, 200, i =>
        {
            var odd = i % 2;
            var error = Assert.Throws<AugmentNativeException>(() =>
            {
                using var image = NativeImage.Create(8, 8, 8, 3);
                if (odd == 0)
                {
                    image.Encode(".not-a-format", [], null);
                }
                else
                {
                    image.Resize(0, 8, 1).Dispose();
                }
            });
            messages[odd] = error.NativeMessage;
        });

        Assert.Contains("encoder", messages[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("width and height must be positive", messages[1]);
    }
}
