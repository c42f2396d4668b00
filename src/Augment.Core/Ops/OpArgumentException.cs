namespace Augment.Core.Ops;

/// <summary>
/// Thrown by an op's factory when its arguments are individually valid but do not fit together
/// (a crop larger than the resize it follows, ...); the binder reports it at the parameter's position.
/// </summary>
public sealed class OpArgumentException : Exception
{
    public OpArgumentException(string parameter, string message) : base(message) => Parameter = parameter;

    public OpArgumentException()
    {
        Parameter = string.Empty;
    }

    public OpArgumentException(string message) : this(string.Empty, message)
    {
    }

    public OpArgumentException(string message, Exception innerException) : base(message, innerException)
    {
        Parameter = string.Empty;
    }

    public string Parameter { get; }
}
