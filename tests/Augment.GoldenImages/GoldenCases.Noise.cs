using Augment.Core.Ops.Pixel;
namespace Augment.GoldenImages;

/// <summary>Golden cases of the noise ops (expression-bodied, so the tolerances are set first).</summary>
internal static partial class GoldenCases
{
    private static GoldenCase[] NoiseCases =>
    [
        Pixel("MultiplicativeNoise", "per_channel", GoldenInput.Astronaut, "MultiplicativeNoise: { per_channel: true }", new MultiplicativeNoiseParams([1.1, 0.9, 0.95], 0), null,
            "warmer: red times 1.1, green times 0.9, blue times 0.95"),
        Pixel("MultiplicativeNoise", "elementwise", GoldenInput.Coins, "MultiplicativeNoise: { multiplier: [0.7, 1.3], elementwise: true }", new MultiplicativeNoiseParams([], 5), null,
            "grainy: every pixel times its own factor in [0.7, 1.3], darker grain in the dark gaps barely visible"),
    ];
}
