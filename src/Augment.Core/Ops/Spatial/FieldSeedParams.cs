namespace Augment.Core.Ops.Spatial;

/// <summary>
/// The seed a random field is regenerated from when the op is applied
/// (<see cref="Randomness.RandomStream.ForField"/>): a record replays without drawing.
/// </summary>
public sealed record FieldSeedParams(ulong FieldSeed) : IOpParams;
