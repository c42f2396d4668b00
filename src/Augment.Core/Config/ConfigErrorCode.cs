namespace Augment.Core.Config;

/// <summary>
/// The codes config errors carry (AUG2xxx), as MSBuild shows them: augment.yaml(14,5): error AUG2003.
/// docs/errors.md lists them.
/// </summary>
public static class ConfigErrorCode
{
    public const string Syntax = "AUG2001";
    public const string UnknownKey = "AUG2002";
    public const string UnknownOp = "AUG2003";
    public const string WrongType = "AUG2004";
    public const string OutOfRange = "AUG2005";
    public const string MissingKey = "AUG2006";
    public const string InvalidValue = "AUG2007";
    public const string DuplicateKey = "AUG2008";
    public const string Unreadable = "AUG2009";
}
