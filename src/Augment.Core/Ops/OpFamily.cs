namespace Augment.Core.Ops;

public enum OpFamily
{
    Spatial,
    Pixel,
    Composition,
}
