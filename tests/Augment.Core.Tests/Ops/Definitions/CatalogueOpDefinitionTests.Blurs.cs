using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>Definition rows of the blurs ops.</summary>
public sealed partial class CatalogueOpDefinitionTests
{
    private static (string Op, string Given, string Canonical)[] BlursBindings =>
    [
        ("Blur", "{ blur_limit: [5, 9], p: 1 }", "{'blur_limit':[5,9],'p':1.0}"),
        ("Blur", "{}", "{'blur_limit':[3,7],'p':0.5}"),
        ("Emboss", "{ alpha: [0.1, 0.9], strength: [0.5, 1.5], p: 0.3 }", "{'alpha':[0.1,0.9],'p':0.3,'strength':[0.5,1.5]}"),
        ("Emboss", "{}", "{'alpha':[0.2,0.5],'p':0.5,'strength':[0.2,0.7]}"),
        ("UnsharpMask", "{ blur_limit: [5, 5], sigma_limit: [1, 2], alpha: [0.5, 1], threshold: 0, p: 1 }",
            "{'alpha':[0.5,1.0],'blur_limit':[5,5],'p':1.0,'sigma_limit':[1.0,2.0],'threshold':0}"),
        ("UnsharpMask", "{}", "{'alpha':[0.2,0.5],'blur_limit':[3,7],'p':0.5,'sigma_limit':[0.0,0.0],'threshold':10}"),
    ];

    private static (string Op, string Given, string At, string Code)[] BlursRejections =>
    [
        ("Blur", "{ blur_limit: [4, 4] }", "[4, 4]", ConfigErrorCode.InvalidValue),
        ("Blur", "{ blur_limit: 1 }", "1", ConfigErrorCode.OutOfRange),
        ("Emboss", "{ alpha: [0.2, 1.5] }", "1.5", ConfigErrorCode.OutOfRange),
        ("Emboss", "{ strength: 0.5 }", "0.5", ConfigErrorCode.WrongType),
        ("UnsharpMask", "{ threshold: 256 }", "256", ConfigErrorCode.OutOfRange),
        ("UnsharpMask", "{ blur_limit: [6, 6] }", "[6, 6]", ConfigErrorCode.InvalidValue),
    ];
}
