using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>Definition rows of the compositions ops.</summary>
public sealed partial class CatalogueOpDefinitionTests
{
    private static (string Op, string Given, string Canonical)[] CompositionsBindings =>
    [
    ];

    private static (string Op, string Given, string At, string Code)[] CompositionsRejections =>
    [
        // For example: ("Blur", "{ blur_limit: 2 }", "2", ConfigErrorCode.OutOfRange),
    ];
}
