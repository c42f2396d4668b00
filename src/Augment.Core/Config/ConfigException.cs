namespace Augment.Core.Config;

/// <summary>
/// An invalid config, with the file, line and column it is at and what would be valid. The message
/// reads "augment.yaml:14:5: unknown op 'Rotat'; did you mean 'Rotate'?"; adapters that format
/// differently (MSBuild's "augment.yaml(14,5): error AUG2003: ...") use the parts.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string code, string filePath, SourceMark mark, string problem, Exception? innerException = null)
        : base($"{filePath}:{mark.Line}:{mark.Column}: {problem}", innerException)
    {
        Code = code;
        FilePath = filePath;
        Mark = mark;
        Problem = problem;
    }

    public ConfigException() : this(ConfigErrorCode.InvalidValue, "(config)", default, "invalid config")
    {
    }

    public ConfigException(string message) : this(ConfigErrorCode.InvalidValue, "(config)", default, message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : this(ConfigErrorCode.InvalidValue, "(config)", default, message, innerException)
    {
    }

    /// <summary>AUG2xxx, see <see cref="ConfigErrorCode"/>.</summary>
    public string Code { get; }

    public string FilePath { get; }

    public SourceMark Mark { get; }

    /// <summary>The message without the location.</summary>
    public string Problem { get; }
}
