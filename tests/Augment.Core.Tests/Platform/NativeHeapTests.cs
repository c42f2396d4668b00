using Augment.Core.OpenCv;
using Augment.Core.Platform;
using Xunit;

namespace Augment.Core.Tests.Platform;

public class NativeHeapTests
{
    [Fact]
    public void GlibcTakesBothThresholds()
    {
        OpenCvRuntime.Ensure();

        // glibc accepts both values (mallopt returns 1 for each); a threshold outside glibc's range
        // (an mmap threshold above 32 MiB on 64-bit) would be refused, and this would be false.
        Assert.True(NativeHeap.KeepFreedBuffers());
        Assert.True(NativeHeap.KeepFreedBuffers()); // once per process: the second call reports the first
    }
}
