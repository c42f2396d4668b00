using Augment.Core.OpenCv;

namespace Augment.Core.Tests.OpenCv;

public sealed class NativeMessageTests
{
    [Fact]
    public void OpenCVs_long_form_loses_the_build_path_and_keeps_the_reason()
    {
        const string captured = "OpenCV could not decode the data: imdecode_(''): can't read data: OpenCV(4.6.0) " +
                                "./modules/imgcodecs/src/bitstrm.cpp:102: error: (-2:Unspecified error) " +
                                "Unexpected end of input stream in function 'readBlock'";

        Assert.Equal(
            "OpenCV could not decode the data: can't read data: Unexpected end of input stream (in readBlock)",
            NativeMessage.Clean(captured));
    }

    [Fact]
    public void A_plain_message_is_kept_as_it_is()
    {
        Assert.Equal("depth must be 8 or 16 bits", NativeMessage.Clean("depth must be 8 or 16 bits"));
    }
}
