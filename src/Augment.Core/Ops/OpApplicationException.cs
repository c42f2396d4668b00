namespace Augment.Core.Ops;

/// <summary>
/// An op that cannot be applied to a particular item (a crop larger than the image): the item fails
/// with this message; every other item is still built.
/// </summary>
public sealed class OpApplicationException : Exception
{
    public OpApplicationException(string op, string message) : base($"{op}: {message}") => Op = op;

    public OpApplicationException() => Op = string.Empty;

    public OpApplicationException(string message) : base(message) => Op = string.Empty;

    public OpApplicationException(string message, Exception innerException) : base(message, innerException) => Op = string.Empty;

    public string Op { get; }
}
