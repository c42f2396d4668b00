using Augment.Core.Config;

namespace Augment.Core.Tests.OpsTests.Definitions;

/// <summary>Definition rows of the colour ops.</summary>
public sealed partial class CatalogueOpDefinitionTests
{
    private static (string Op, string Given, string Canonical)[] ColourBindings =>
    [
        ("ChannelShuffle", "{ p: 0.2 }", "{'p':0.2}"),
        ("ChannelShuffle", "{}", "{'p':0.5}"),
        ("ChannelDropout", "{ channel_drop_range: [1, 2], fill: 128, p: 1 }", "{'channel_drop_range':[1,2],'fill':128.0,'p':1.0}"),
        ("ChannelDropout", "{}", "{'channel_drop_range':[1,1],'fill':0.0,'p':0.5}"),
        ("ToSepia", "{ p: 1 }", "{'p':1.0}"),
        ("ToSepia", "{}", "{'p':0.5}"),
    ];

    private static (string Op, string Given, string At, string Code)[] ColourRejections =>
    [
        ("ChannelShuffle", "{ p: -0.1 }", "-0.1", ConfigErrorCode.OutOfRange),
        ("ChannelDropout", "{ channel_drop_range: [1, 3] }", "3", ConfigErrorCode.OutOfRange),
        ("ChannelDropout", "{ fill: -1 }", "-1", ConfigErrorCode.OutOfRange),
        ("ToSepia", "{ strength: 1 }", "strength", ConfigErrorCode.UnknownKey),
    ];
}
