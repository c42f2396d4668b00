using Augment.Core.Imaging;
using Augment.Core.Labels;

namespace Augment.Core.Pipeline;

/// <summary>An item's rendered image and masks, its objects when it has labels, and how many resampling passes produced them.</summary>
public sealed class RenderResult : IDisposable
{
    public RenderResult(ImageBuffer image, IReadOnlyList<ImageBuffer> masks, int passes, LabelResult? labels = null)
    {
        Image = image;
        Masks = masks;
        Passes = passes;
        Labels = labels;
    }

    public LabelResult? Labels { get; }

    public ImageBuffer Image { get; }

    public IReadOnlyList<ImageBuffer> Masks { get; }

    public int Passes { get; }

    public void Dispose()
    {
        Image.Dispose();
        foreach (var mask in Masks)
        {
            mask.Dispose();
        }
    }
}
