using Augment.Core.Config;
using Augment.Core.Imaging;
using Augment.Core.Ops;
using Augment.Core.Ops.Pixel;
using Augment.Core.Ops.Spatial;
using Augment.Core.Pipeline;

namespace Augment.GoldenImages;

/// <summary>The crop of a sample image a case starts from (see <see cref="GoldenCases.LoadInput"/>).</summary>
internal enum GoldenInput
{
    /// <summary>8-bit gray, 96x72 from coins.png, with the same crop of the coins mask.</summary>
    Coins,

    /// <summary>8-bit BGR, 96x72 from astronaut.png (orange suit, mission patch, white strap).</summary>
    Astronaut,
}

/// <summary>
/// How far a rendering may be from its reference: at most <see cref="MaxDifference"/> per sample, on
/// at most <see cref="MaxShareDiffering"/> of the samples. Each instance in <see cref="GoldenCases"/>
/// says why its numbers are what they are.
/// </summary>
internal sealed record Tolerance(string Name, int MaxDifference, double MaxShareDiffering);

/// <summary>
/// One golden image: a pipeline of one op (or one composition) bound from <see cref="PipelineEntry"/>,
/// rendered from hand-written <see cref="Records"/> (never sampled, so the reference depends on the
/// op's pixel work alone), and what a reviewer should see in the reference.
/// </summary>
internal sealed record GoldenCase(
    string Op, string Name, GoldenInput Input, string PipelineEntry, IReadOnlyList<OpRecord> Records, bool WithMask, Tolerance? Tolerance, string Expect)
{
    public string Id => $"{Op}_{Name}";

    public string ImageFile => $"{Id}.png";

    /// <summary>Masks are always compared exactly: they are resampled with nearest neighbour.</summary>
    public string MaskFile => $"{Id}_mask.png";

    public override string ToString() => Id;
}

/// <summary>
/// Every golden case, in ONE place: the generator (build/golden.sh) writes their references to
/// tests/golden and GoldenImageTests compares against them.
/// </summary>
internal static partial class GoldenCases
{
    public const int InputWidth = 96;
    public const int InputHeight = 72;

    // Where the 96x72 crops sit in the samples: two rows of coins (one cut by the edge, so flips and
    // turns are easy to tell apart) and the astronaut's mission patch on the orange suit.
    private const int CoinsX = 120;
    private const int CoinsY = 92;
    private const int AstronautX = 118;
    private const int AstronautY = 336;

    // Exact or not. What can differ between two machines with the same OpenCV 4.6, libjpeg-turbo and
    // libwebp: OpenCV picks SIMD code at run time (baseline SSE2 up to AVX-512 on x64, NEON on arm64),
    // and its float kernels may then fuse multiply-adds or order sums differently; .NET's Math.Sin,
    // Cos, Exp, Log and Pow come from the platform's libm, which may differ in the last bit.
    // Exact (no tolerance): ops whose samples are copies of input samples (flips, turns, crops, pads,
    // nearest-neighbour resizes, dropout, compositions of those), integer work in OpenCV (8-bit
    // cvtColor to gray, equalizeHist, medianBlur, saturating add), and lookup tables or noise computed
    // in managed double arithmetic and rounded once (brightness/contrast, gamma, posterize, solarize,
    // invert, Gaussian noise, salt and pepper). Basic IEEE double arithmetic rounds the same on every
    // platform (RyuJIT does not contract a * b + c into a fused multiply-add); only libm results may
    // differ in the last bit, and that matters only within an ulp of a .5 tie: gamma 0.6's table
    // keeps at least 0.005 from one, and a noise sample lands that close about once in 10^12.
    // Measured on the machine that wrote the references (x64 with AVX-512), rendering every case again
    // with OPENCV_CPU_DISABLE set to drop AVX-512, AVX2/FMA3, AVX and SSE3-SSE4.2 in turn: every
    // reference came out byte-identical except MotionBlur_k9_30deg (filter2D in float), where 1 to 3
    // of 20736 samples moved by 1. The tolerances below leave room for the platforms not measured
    // (arm64, other libm), and the near-miss test in GoldenImageTests shows each still fails a
    // slightly different parameter by a wide margin.

    /// <summary>
    /// Warps and remaps with linear or cubic interpolation. OpenCV's 8-bit warps work in fixed point
    /// (coordinates rounded to 1/32 pixel, 15-bit weights), so they agree across CPUs unless a
    /// coordinate computed from a matrix (via libm's sin/cos, or a float displacement field that
    /// OpenCV smooths with SIMD code) lands within an ulp of a 1/32 step; then one sample moves by
    /// 1/32 of the local gradient, usually 0 or 1 level. Max 2 covers a steep edge; 1% of samples
    /// (about 70 of 6912) is far above the measured 0, while rotating by 1 degree less changes 69% of
    /// the samples by up to 105 levels.
    /// </summary>
    public static readonly Tolerance Resampling = new(nameof(Resampling), 2, 0.01);

    /// <summary>
    /// Colour work in 32-bit float (HSV, Lab, ColorJitter's blends, CLAHE's bilinear blend of tile
    /// tables): vectorised and scalar float code may round the last bit differently, which moves a
    /// result that sits on a .5 boundary by one level when it is converted back to 8 bits. HSV round
    /// trips amplify a last-bit error in dark, unsaturated pixels, so 2% of samples rather than 1%;
    /// a hue shift 2 degrees off already changes 34% of the samples by up to 7 levels.
    /// </summary>
    public static readonly Tolerance FloatColour = new(nameof(FloatColour), 1, 0.02);

    /// <summary>
    /// Filters with non-integer weights (Gaussian, motion, sharpen). OpenCV runs 8-bit GaussianBlur
    /// in bit-exact fixed point but filter2D in float with CPU-dependent SIMD; each output is one
    /// rounded weighted sum, so it can move by one level at a .5 boundary, as measured for MotionBlur
    /// (3 of 20736 samples). 1% of samples is 70 times that; a sigma 0.2 off changes 57%.
    /// </summary>
    public static readonly Tolerance Filter = new(nameof(Filter), 1, 0.01);

    /// <summary>
    /// A JPEG or WebP round trip. libjpeg-turbo and libwebp dispatch their own SIMD code (not
    /// affected by OPENCV_CPU_DISABLE) and keep it bit-exact with their C code, but another
    /// conformant build of the codec may choose its DCT or its rounding differently: ISO/IEC 10918-2
    /// allows an inverse DCT an error of 1 per sample, and chroma upsampling adds one rounding more.
    /// So 2 levels, on any share of the samples, because that error may touch every block; a
    /// quality 2 steps off changes samples by up to 69 levels.
    /// </summary>
    public static readonly Tolerance Codec = new(nameof(Codec), 2, 1.0);

    public static IReadOnlyList<GoldenCase> All { get; } =
    [
        // Spatial ops: gray coins with their mask; the mask must follow the image exactly.
        Spatial("HorizontalFlip", "gray", "HorizontalFlip: {}", NoParams.Instance, null,
            "mirrored left to right: the coin cut by the left edge is now cut by the right edge"),
        Spatial("VerticalFlip", "gray", "VerticalFlip: {}", NoParams.Instance, null,
            "mirrored top to bottom"),
        Spatial("Transpose", "gray", "Transpose: {}", NoParams.Instance, null,
            "72x96: rows became columns (mirrored about the main diagonal)"),
        Spatial("RandomRotate90", "quarter", "RandomRotate90: {}", new RandomRotate90Params(1), null,
            "72x96, turned 90 degrees counter-clockwise: the top row is now the left column, read bottom to top"),
        Spatial("RandomRotate90", "three_quarters", "RandomRotate90: {}", new RandomRotate90Params(3), null,
            "72x96, turned 90 degrees clockwise: the top row is now the right column, read top to bottom"),
        Spatial("SquareSymmetry", "hvt", "SquareSymmetry: {}", new SquareSymmetryParams("hvt"), null,
            "72x96, mirrored about the anti-diagonal: the top row is now the right column, read bottom to top"),
        Spatial("D4", "v", "D4: {}", new SquareSymmetryParams("v"), null,
            "mirrored top to bottom, as VerticalFlip"),
        Spatial("Rotate", "ccw30", "Rotate: { limit: 30 }", new RotateParams(30), Resampling,
            "turned 30 degrees counter-clockwise about the centre, black corners, mask corners 0"),
        Spatial("Rotate", "cw20_reflect_cubic", "Rotate: { limit: 20, border_mode: reflect101, interpolation: cubic }", new RotateParams(-20), Resampling,
            "turned 20 degrees clockwise, corners filled by mirrored content; mask corners 0 (masks.fill)"),
        Spatial("Affine", "shear_scale", "Affine: { rotate: 10, scale: 1.2, shear: 15, translate_px: [-3, 5] }", new AffineParams(10, 1.2, 5, -3, 15), Resampling,
            "enlarged 1.2x, turned 10 degrees counter-clockwise, then sheared 15 degrees along x (lower rows move right, so the left border becomes a black wedge widening downwards), moved 5 px right and 3 px up"),
        Spatial("ShiftScaleRotate", "shrink_replicate", "ShiftScaleRotate: { border_mode: replicate }", new ShiftScaleRotateParams(15, 0.8, 0.1, -0.05), Resampling,
            "shrunk to 0.8, turned 15 degrees counter-clockwise, moved right and up; border samples stretched outwards"),
        Spatial("Perspective", "keep_size", "Perspective: {}", new PerspectiveParams([12, 6, 90, 0, 95, 71, 0, 60]), Resampling,
            "the quadrilateral with corners (12,6) (90,0) (95,71) (0,60) stretched to the full 96x72: the top left is pulled outwards"),
        Spatial("Perspective", "fit", "Perspective: { keep_size: false }", new PerspectiveParams([12, 6, 90, 0, 95, 71, 0, 60]), Resampling,
            "97x72: the same quadrilateral at its own size (its longest sides, 95.6 and 71.2 px between corner centres, plus one)"),
        Spatial("ElasticTransform", "wavy", "ElasticTransform: { alpha: 80, sigma: 5 }", new FieldSeedParams(20240611), Resampling,
            "strongly warped (alpha 80 over sigma 5 moves outlines by up to about 10 px); mirrored at the borders; the mask warped the same way"),
        Spatial("GridDistortion", "four_steps", "GridDistortion: { num_steps: 4, distort_limit: 0.4 }",
            new GridDistortionParams([1.4, 0.6, 1.2, 0.8], [0.7, 1.3, 0.8, 1.2]), Resampling,
            "a stretch above 1 squeezes a cell's content (it shows more source), as in Albumentations: columns 1 and 3 squeezed, 2 and 4 widened; rows 1 and 3 widened, 2 and 4 squeezed"),
        Spatial("RandomCrop", "inside", "RandomCrop: { height: 48, width: 64 }", new CropParams(10, 8), null,
            "64x48 taken from (10, 8)"),
        Spatial("RandomCrop", "padded", "RandomCrop: { height: 80, width: 64, pad_if_needed: true, fill: 255, fill_mask: 9 }", new CropParams(20, -4), null,
            "64x80: columns 20-83, with 4 white rows on top and at the bottom; mask label 9 there"),
        Spatial("CenterCrop", "centre", "CenterCrop: { height: 40, width: 50 }", new CropParams(23, 16), null,
            "50x40 from the centre"),
        Spatial("RandomResizedCrop", "zoom", "RandomResizedCrop: { size: [64, 80] }", new ResizedCropParams(20, 10, 48, 40), Resampling,
            "80x64: the 48x40 region at (20, 10) enlarged"),
        Spatial("BBoxSafeRandomCrop", "region", "BBoxSafeRandomCrop: { erosion_rate: 0.1 }", new ResizedCropParams(12, 6, 70, 50), null,
            "the 70x50 region at (12, 6), as the boxes of an item chose it (the record holds the region)"),
        Spatial("RandomSizedBBoxSafeCrop", "zoom", "RandomSizedBBoxSafeCrop: { height: 64, width: 64 }", new ResizedCropParams(20, 10, 48, 40), Resampling,
            "64x64: the 48x40 region at (20, 10) that holds the boxes, enlarged"),
        Spatial("AtLeastOneBBoxRandomCrop", "window", "AtLeastOneBBoxRandomCrop: { height: 40, width: 56 }", new ResizedCropParams(30, 20, 56, 40), null,
            "the 56x40 window at (30, 20) around a chosen box"),
        Spatial("Resize", "linear", "Resize: { height: 48, width: 64 }", NoParams.Instance, Resampling,
            "64x48, smooth"),
        Spatial("Resize", "nearest", "Resize: { height: 90, width: 120, interpolation: nearest }", NoParams.Instance, null,
            "120x90, blocky: every output sample is a copy of an input sample (so exact)"),
        Spatial("LongestMaxSize", "shrink", "LongestMaxSize: { max_size: 48 }", NoParams.Instance, Resampling,
            "48x36"),
        Spatial("SmallestMaxSize", "grow", "SmallestMaxSize: { max_size: 90, interpolation: cubic }", NoParams.Instance, Resampling,
            "120x90, smooth"),
        Spatial("PadIfNeeded", "reflect", "PadIfNeeded: { min_height: 96, min_width: 112, border_mode: reflect101 }", new PadParams(8, 12), null,
            "112x96: the crop in the middle, mirrored (reflect101) outwards; mask 0 in the padding"),
        Spatial("PadIfNeeded", "divisor_top_left", "PadIfNeeded: { min_height: 72, min_width: 96, pad_height_divisor: 32, pad_width_divisor: 40, position: top_left, border_mode: constant, fill: 200, fill_mask: 5 }",
            new PadParams(0, 0), null,
            "120x96: the crop at the top left, light gray (200) to the right and below; mask label 5 there"),
        Spatial("CoarseDropout", "two_holes", "CoarseDropout: { fill: 255, fill_mask: 3 }", new CoarseDropoutParams([new Hole(10, 8, 20, 12), new Hole(60, 40, 16, 24)]), null,
            "a white 20x12 hole at (10, 8) and a white 16x24 hole at (60, 40); label 3 in the mask's holes"),
        Pixel("CoarseDropout", "colour_fill", GoldenInput.Astronaut, "CoarseDropout: { fill: [255, 0, 0] }", new CoarseDropoutParams([new Hole(30, 20, 24, 24)]), null,
            "a pure blue 24x24 square at (30, 20) (fill is in B, G, R order)"),

        // Pixel ops, mostly on the colour crop.
        Pixel("RandomBrightnessContrast", "brighter", GoldenInput.Astronaut, "RandomBrightnessContrast: {}", new RandomBrightnessContrastParams(0.1, 0.3), null,
            "brighter and more contrasty: v * 1.3 + 25.5"),
        Pixel("RandomGamma", "lighten", GoldenInput.Astronaut, "RandomGamma: {}", new GammaParams(0.6), null,
            "shadows lifted, highlights nearly unchanged"),
        Pixel("HueSaturationValue", "shift", GoldenInput.Astronaut, "HueSaturationValue: {}", new HueSaturationValueParams(20, 30, -10), FloatColour,
            "hue turned by 40 degrees (orange towards yellow-green), more saturated, a little darker"),
        Pixel("ColorJitter", "mixed", GoldenInput.Astronaut, "ColorJitter: {}", new ColorJitterParams(1.1, 0.8, 1.5, 0.1, [2, 0, 3, 1]), FloatColour,
            "more saturated, slightly brighter, less contrast, hue turned by 36 degrees"),
        Pixel("RGBShift", "shift", GoldenInput.Astronaut, "RGBShift: {}", new RGBShiftParams(30, -20, 10), null,
            "redder and less green: R + 30, G - 20, B + 10, saturating"),
        Pixel("ToGray", "colour", GoldenInput.Astronaut, "ToGray: {}", NoParams.Instance, null,
            "gray, still three channels"),
        Pixel("CLAHE", "colour", GoldenInput.Astronaut, "CLAHE: { tile_grid_size: [4, 4] }", new ClaheParams(4), FloatColour,
            "more local contrast in lightness, colours kept"),
        Pixel("CLAHE", "gray", GoldenInput.Coins, "CLAHE: { tile_grid_size: [4, 4] }", new ClaheParams(3), FloatColour,
            "more local contrast: coin relief and the dark gaps stand out"),
        Pixel("Equalize", "colour", GoldenInput.Astronaut, "Equalize: {}", NoParams.Instance, null,
            "every channel stretched over 0-255: harsh, high contrast"),
        Pixel("Posterize", "three_bits", GoldenInput.Astronaut, "Posterize: { num_bits: 3 }", new PosterizeParams(3), null,
            "banded: 8 levels per channel"),
        Pixel("Solarize", "half", GoldenInput.Astronaut, "Solarize: {}", new SolarizeParams(0.5), null,
            "samples of 128 and above inverted: the orange suit turns blue-ish, dark parts unchanged"),
        Pixel("InvertImg", "colour", GoldenInput.Astronaut, "InvertImg: {}", NoParams.Instance, null,
            "negative"),
        Pixel("GaussianBlur", "k5", GoldenInput.Astronaut, "GaussianBlur: {}", new GaussianBlurParams(5, 1.5), Filter,
            "soft"),
        Pixel("MedianBlur", "k5", GoldenInput.Astronaut, "MedianBlur: {}", new KernelSizeParams(5), null,
            "painterly: fine text of the patch gone, edges kept"),
        Pixel("MotionBlur", "k9_30deg", GoldenInput.Astronaut, "MotionBlur: {}", new MotionBlurParams(9, 30, 0), Filter,
            "smeared along a line 30 degrees below the horizontal (y points down)"),
        Pixel("Sharpen", "strong", GoldenInput.Astronaut, "Sharpen: {}", new SharpenParams(0.5, 1.0), Filter,
            "crisper edges, stitching and text haloed"),
        Pixel("GaussNoise", "per_channel", GoldenInput.Astronaut, "GaussNoise: {}", new GaussNoiseParams(0.08, 0, 7), null,
            "coloured grain"),
        Pixel("GaussNoise", "shared", GoldenInput.Coins, "GaussNoise: { per_channel: false }", new GaussNoiseParams(0.08, 0.02, 7), null,
            "gray grain, slightly brighter"),
        Pixel("SaltAndPepper", "five_percent", GoldenInput.Astronaut, "SaltAndPepper: {}", new SaltAndPepperParams(0.05, 0.5, 11), null,
            "about 5% of pixels white or black (all channels together)"),
        Pixel("ImageCompression", "jpeg_q15", GoldenInput.Astronaut, "ImageCompression: {}", new QualityParams(15), Codec,
            "8x8 blocks and colour smearing of a low-quality JPEG"),
        Pixel("ImageCompression", "webp_q10", GoldenInput.Astronaut, "ImageCompression: { compression_type: webp }", new QualityParams(10), Codec,
            "the smooth blotches of a low-quality WebP"),
        Pixel("Downscale", "nearest", GoldenInput.Astronaut, "Downscale: {}", new DownscaleParams(0.25), null,
            "blocks of 4x4 identical pixels: every output sample is a copy of an input sample (so exact)"),
        Pixel("Downscale", "linear", GoldenInput.Astronaut, "Downscale: { interpolation: linear }", new DownscaleParams(0.25), Resampling,
            "blurry, no blocks"),

        // Compositions, with fixed choices and exact children: what counts is that the chosen children,
        // and only they, run in order.
        Composition("OneOf", "second", "OneOf: { transforms: [HorizontalFlip, VerticalFlip] }",
            [Chosen("0", "OneOf", 1), Child("0.1", "VerticalFlip", NoParams.Instance)],
            "as VerticalFlip_gray"),
        Composition("SomeOf", "first_and_third", "SomeOf: { n: 2, transforms: [HorizontalFlip, VerticalFlip, InvertImg] }",
            [Chosen("0", "SomeOf", 0, 2), Child("0.0", "HorizontalFlip", NoParams.Instance), Child("0.2", "InvertImg", NoParams.Instance)],
            "mirrored left to right and negative; the mask mirrored, not inverted"),
        Composition("Sequential", "transpose_then_crop", "Sequential: { transforms: [Transpose, { RandomCrop: { height: 40, width: 30 } }] }",
            [Chosen("0", "Sequential", 0, 1), Child("0.0", "Transpose", NoParams.Instance), Child("0.1", "RandomCrop", new CropParams(5, 10))],
            "30x40: the transposed crop's region at (5, 10)"),

        // The rest of Albumentations' 2D catalogue, one partial file per group (GoldenCases.*.cs).
        .. BlursCases,
        .. ColourCases,
        .. NoiseCases,
        .. WeatherCases,
        .. CropsCases,
        .. DistortionsCases,
        .. DropoutsCases,
        .. CompositionsCases,
        .. MosaicCases,
    ];

    /// <summary>The config a case's pipeline is bound from; masks.fill is 0, the background label.</summary>
    public static string ConfigText(GoldenCase c) =>
        $"version: 1\nseed: 1\ninputs:\n  images: \"images/*.png\"\nmasks:\n  fill: 0\npipeline:\n  - {c.PipelineEntry}\n";

    /// <summary>Renders a case from its fixed records, as the engine would render a replayed item.</summary>
    public static RenderResult Render(GoldenCase c)
    {
        var config = AugmentConfigLoader.Parse(ConfigText(c), "golden.yaml");
        using var image = LoadInput(c.Input);
        using var mask = LoadInputMask(c);
        return PipelineRenderer.Render(config.Pipeline, c.Records, image, mask is null ? [] : [mask], config.MaskFill);
    }

    public static ImageBuffer LoadInput(GoldenInput input) => input switch
    {
        GoldenInput.Coins => LoadCrop("images/coins.png", CoinsX, CoinsY),
        _ => LoadCrop("images/astronaut.png", AstronautX, AstronautY),
    };

    /// <summary>The case's input mask (the coins mask crop), or null when the case has none.</summary>
    public static ImageBuffer? LoadInputMask(GoldenCase c) => c.WithMask ? LoadCrop("masks/coins.png", CoinsX, CoinsY) : null;

    /// <summary>The repository root: the first folder above the running assembly that holds Augment.Build.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Augment.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Augment.Build.sln");
    }

    private static ImageBuffer LoadCrop(string samplePath, int x, int y)
    {
        using var full = ImageCodec.DecodeFile(Path.Combine(RepositoryRoot(), "sample-dataset", samplePath));
        var crop = ImageBuffer.Create(InputWidth, InputHeight, full.DepthBits, full.Channels);
        var bpp = full.BytesPerPixel;
        for (var row = 0; row < InputHeight; row++)
        {
            full.Row(y + row).Slice(x * bpp, InputWidth * bpp).CopyTo(crop.Row(row));
        }

        return crop;
    }

    private static GoldenCase Spatial(string op, string name, string entry, IOpParams parameters, Tolerance? tolerance, string expect) =>
        new(op, name, GoldenInput.Coins, entry, [Child("0", op, parameters)], WithMask: true, tolerance, expect);

    private static GoldenCase Pixel(string op, string name, GoldenInput input, string entry, IOpParams parameters, Tolerance? tolerance, string expect) =>
        new(op, name, input, entry, [Child("0", op, parameters)], WithMask: false, tolerance, expect);

    private static GoldenCase Composition(string op, string name, string entry, IReadOnlyList<OpRecord> records, string expect) =>
        new(op, name, GoldenInput.Coins, entry, records, WithMask: true, null, expect);

    private static OpRecord Chosen(string path, string op, params int[] chosen) => new(path, op, true, new CompositionParams(chosen));

    private static OpRecord Child(string path, string op, IOpParams parameters) => new(path, op, true, parameters);
}
