namespace Augment.Core.Interop;

/// <summary>Which of the shim's decoders or encoders reads or writes a file (<see cref="NativeImage.Decode(System.ReadOnlySpan{byte}, string?, CodecPath)"/>, <see cref="NativeImage.Encode(string, System.ReadOnlySpan{int}, string?, CodecPath)"/>).</summary>
internal enum CodecPath
{
    /// <summary>The direct JPEG or PNG path where it covers the file, OpenCV's codec otherwise: what builds use.</summary>
    Any,

    /// <summary>OpenCV's codec only: the reference the direct paths are tested against.</summary>
    OpenCvOnly,

    /// <summary>The direct path only, an error where it would fall back to OpenCV: for tests.</summary>
    DirectOnly,
}
