using System.Runtime.InteropServices;

namespace Augment.Core.Interop;

/// <summary>Every P/Invoke declaration of the shim. Nothing outside Interop/ calls these directly.</summary>
internal static unsafe partial class NativeMethods
{
    internal const string LibraryName = "augment_native";

    static NativeMethods() => NativeLibraryLoader.Register();

    [StructLayout(LayoutKind.Sequential)]
    internal struct ImageDescription
    {
        public int Width;
        public int Height;
        public int DepthBits;
        public int Channels;
        public long Step;
        public byte* Data;
    }

    [LibraryImport(LibraryName, EntryPoint = "aug_error_message")]
    internal static partial nint ErrorMessage();

    [LibraryImport(LibraryName, EntryPoint = "aug_engine_info")]
    internal static partial NativeStatus EngineInfo(
        out nint openCvVersion, out nint buildInformation, out nint shimVersion, out nint shimSourceHash);

    [LibraryImport(LibraryName, EntryPoint = "aug_runtime_set_threads")]
    internal static partial NativeStatus RuntimeSetThreads(int threads);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_create")]
    internal static partial NativeStatus ImageCreate(
        int width, int height, int depthBits, int channels, out NativeImageHandle image);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_describe")]
    internal static partial NativeStatus ImageDescribe(NativeImageHandle image, out ImageDescription description);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_free")]
    internal static partial void ImageFree(nint image);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_decode")]
    internal static partial NativeStatus ImageDecode(byte* data, long length, out NativeImageHandle image);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_decode_opencv")]
    internal static partial NativeStatus ImageDecodeOpenCv(byte* data, long length, out NativeImageHandle image);

    [LibraryImport(LibraryName, EntryPoint = "aug_test_image_decode_direct")]
    internal static partial NativeStatus TestImageDecodeDirect(byte* data, long length, out NativeImageHandle image);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_encode", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NativeStatus ImageEncode(
        NativeImageHandle image, string extension, int* parameters, int parameterCount, out NativeBufferHandle buffer);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_encode_opencv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NativeStatus ImageEncodeOpenCv(
        NativeImageHandle image, string extension, int* parameters, int parameterCount, out NativeBufferHandle buffer);

    [LibraryImport(LibraryName, EntryPoint = "aug_test_image_encode_direct", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NativeStatus TestImageEncodeDirect(
        NativeImageHandle image, string extension, int* parameters, int parameterCount, out NativeBufferHandle buffer);

    [LibraryImport(LibraryName, EntryPoint = "aug_buffer_describe")]
    internal static partial NativeStatus BufferDescribe(NativeBufferHandle buffer, out byte* data, out long length);

    [LibraryImport(LibraryName, EntryPoint = "aug_buffer_free")]
    internal static partial void BufferFree(nint buffer);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_warp")]
    internal static partial NativeStatus ImageWarp(
        NativeImageHandle image, double* inverse, int width, int height, int interpolation, int borderMode, double* fill,
        out NativeImageHandle result);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_remap")]
    internal static partial NativeStatus ImageRemap(
        NativeImageHandle image, float* mapX, float* mapY, int width, int height, int interpolation, int borderMode,
        double* fill, out NativeImageHandle result);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_lut")]
    internal static partial NativeStatus ImageLut(NativeImageHandle image, ushort* table, int tableLength);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_gaussian_blur")]
    internal static partial NativeStatus ImageGaussianBlur(NativeImageHandle image, int kernelX, int kernelY, double sigmaX, double sigmaY);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_convert")]
    internal static partial NativeStatus ImageConvert(NativeImageHandle image, int channels, int depthBits, out NativeImageHandle result);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_set_colour")]
    internal static partial NativeStatus ImageSetColour(NativeImageHandle image, NativeImageHandle colour);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_hsv_shift")]
    internal static partial NativeStatus ImageHsvShift(NativeImageHandle image, double hueDegrees, double saturation, double value);

    [LibraryImport(LibraryName, EntryPoint = "aug_test_hsv_shift_pixels")]
    internal static partial NativeStatus TestHsvShiftPixels(float* pixels, int count, double hueDegrees, double saturation, double value, int vectorise);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_color_jitter")]
    internal static partial NativeStatus ImageColorJitter(NativeImageHandle image, double brightness, double contrast, double saturation, double hueDegrees, int* order);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_add")]
    internal static partial NativeStatus ImageAdd(NativeImageHandle image, double* values, int count);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_to_gray")]
    internal static partial NativeStatus ImageToGray(NativeImageHandle image);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_clahe")]
    internal static partial NativeStatus ImageClahe(NativeImageHandle image, double clipLimit, int tilesX, int tilesY);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_equalize")]
    internal static partial NativeStatus ImageEqualize(NativeImageHandle image);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_fill_rect")]
    internal static partial NativeStatus ImageFillRect(NativeImageHandle image, int x, int y, int width, int height, double* fill);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_median_blur")]
    internal static partial NativeStatus ImageMedianBlur(NativeImageHandle image, int kernel);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_filter2d")]
    internal static partial NativeStatus ImageFilter2D(NativeImageHandle image, float* kernel, int kernelWidth, int kernelHeight);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_resize")]
    internal static partial NativeStatus ImageResize(NativeImageHandle image, int width, int height, int interpolation, out NativeImageHandle result);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_crop_resize")]
    internal static partial NativeStatus ImageCropResize(NativeImageHandle image, int x, int y, int width, int height, int outWidth, int outHeight, int interpolation, int flip, out NativeImageHandle result);

    [LibraryImport(LibraryName, EntryPoint = "aug_field_gaussian_blur")]
    internal static partial NativeStatus FieldGaussianBlur(float* field, int width, int height, double sigma);

    [LibraryImport(LibraryName, EntryPoint = "aug_random_field")]
    internal static partial NativeStatus RandomField(ulong* state, float* values, long count, int gaussian);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_gauss_noise")]
    internal static partial NativeStatus ImageGaussNoise(NativeImageHandle image, ulong* state, double mean, double standardDeviation, int perChannel);

    [LibraryImport(LibraryName, EntryPoint = "aug_test_gauss_noise")]
    internal static partial NativeStatus TestGaussNoise(NativeImageHandle image, ulong* state, double mean, double standardDeviation, int perChannel, int vectorise);

    [StructLayout(LayoutKind.Sequential)]
    internal struct MapStage
    {
        public double* Inverse;
        public float* Dx;
        public float* Dy;
        public int FieldWidth;
        public int FieldHeight;
    }

    [LibraryImport(LibraryName, EntryPoint = "aug_map_build")]
    internal static partial NativeStatus MapBuild(MapStage* stages, int count, int width, int height, out NativeMapHandle map);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_remap_map")]
    internal static partial NativeStatus ImageRemapMap(
        NativeImageHandle image, NativeMapHandle map, int interpolation, int borderMode, double* fill, out NativeImageHandle result);

    [LibraryImport(LibraryName, EntryPoint = "aug_test_map_values")]
    internal static partial NativeStatus TestMapValues(NativeMapHandle map, float* x, float* y, long count);

    [LibraryImport(LibraryName, EntryPoint = "aug_map_free")]
    internal static partial void MapFree(nint map);

    [LibraryImport(LibraryName, EntryPoint = "aug_perspective_transform")]
    internal static partial NativeStatus PerspectiveTransform(double* source, double* destination, double* matrix);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_overlay_labels")]
    internal static partial NativeStatus ImageOverlayLabels(NativeImageHandle image, NativeImageHandle labels, double alpha);

    [LibraryImport(LibraryName, EntryPoint = "aug_image_paste")]
    internal static partial NativeStatus ImagePaste(NativeImageHandle canvas, NativeImageHandle source, int x, int y);

    [LibraryImport(LibraryName, EntryPoint = "aug_file_hard_link", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NativeStatus FileHardLink(string existing, string linkPath);

    [LibraryImport(LibraryName, EntryPoint = "aug_file_sync_fs", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NativeStatus FileSyncFs(string path);

    /// <summary>Throws the typed exception for a failed call, with the shim's thread-local message.</summary>
    internal static void Check(NativeStatus status, string? filePath = null)
    {
        if (status != NativeStatus.Ok)
        {
            var message = NativeMessage.Clean(Marshal.PtrToStringUTF8(ErrorMessage()) ?? string.Empty);
            throw new AugmentNativeException(status, message, filePath);
        }
    }
}
