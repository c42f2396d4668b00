using System.Text;

namespace Augment.Core.Tests.TestSupport;

/// <summary>The capture the stderr assertions rely on sees what native code writes to fd 2.</summary>
[Collection(StderrCollection.Name)]
public sealed class StderrCaptureTests
{
    [Fact]
    public void A_native_write_to_fd_2_is_captured()
    {
        var captured = StderrCapture.Run(() => Libc.WriteAll(Libc.StandardError, "written by libc write(2)\n"u8));

        Assert.Equal("written by libc write(2)\n", captured);
    }

    [Fact]
    public void Stderr_is_restored_after_a_capture()
    {
        var saved = Console.Error;
        var first = StderrCapture.Run(() => Libc.WriteAll(Libc.StandardError, "first"u8));
        var second = StderrCapture.Run(() => Libc.WriteAll(Libc.StandardError, "second"u8));

        Assert.Equal(("first", "second"), (first, second));
        Assert.Same(saved, Console.Error);
    }

    [Fact]
    public void Nothing_written_means_an_empty_capture()
    {
        var captured = StderrCapture.Run(() => Encoding.UTF8.GetBytes("not written anywhere"));

        Assert.Equal(string.Empty, captured);
    }
}
