using System.Runtime.InteropServices;
using Augment.Core.Interop;

namespace Augment.Core.Tests.Interop;

/// <summary>A failing native call surfaces as an <see cref="AugmentNativeException"/> carrying the shim's message.</summary>
public sealed class NativeFailureTests
{
    [Fact]
    public void Allocation_opencv_cannot_satisfy_reports_the_native_message()
    {
        // 10^12 pixels of 4 bytes: 4 TB, which no test machine can allocate. OpenCV 4.6 reports it as
        // a cv::Exception with code StsNoMem ("Failed to allocate 4000000000000 bytes"), which the shim
        // maps to its out-of-memory status so that it is never taken for corrupt input.
        var error = Assert.Throws<AugmentNativeException>(() => NativeImage.Create(1_000_000, 1_000_000, 8, 4));

        Assert.Equal(NativeStatus.OutOfMemory, error.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
        Assert.Equal(error.NativeMessage, error.Message);
    }

    [Fact]
    public void Argument_the_shim_refuses_reports_its_message()
    {
        var error = Assert.Throws<AugmentNativeException>(() => NativeImage.Create(16, 16, 32, 1));

        Assert.Equal(NativeStatus.InvalidArgument, error.Status);
        Assert.Equal("depth must be 8 or 16 bits", error.NativeMessage);
    }

    [Fact]
    public void Native_failure_names_the_file_being_processed()
    {
        var error = Assert.Throws<AugmentNativeException>(() => NativeImage.Decode([1, 2, 3, 4], "images/odd.bin"));

        Assert.Equal(NativeStatus.DecodeFailed, error.Status);
        Assert.Equal("images/odd.bin", error.FilePath);
        Assert.StartsWith("images/odd.bin: ", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.NativeMessage));
    }

    [Fact]
    public void Message_of_a_failure_is_kept_per_thread()
    {
        var status = NativeMethods.ImageCreate(16, 16, 32, 1, out var image);
        image.Dispose();
        var otherStatus = NativeStatus.Ok;
        var thread = new Thread(() =>
        {
            otherStatus = NativeMethods.ImageCreate(0, 16, 8, 1, out var other);
            other.Dispose();
        });
        thread.Start();
        thread.Join();

        // The other thread's failure came last, but this thread still reads its own message.
        Assert.Equal((NativeStatus.InvalidArgument, NativeStatus.InvalidArgument), (status, otherStatus));
        Assert.Equal("depth must be 8 or 16 bits", Marshal.PtrToStringUTF8(NativeMethods.ErrorMessage()));
    }
}
