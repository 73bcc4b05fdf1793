using System.Net;
using Entraide.Domain.Notifications;

namespace Entraide.Domain.Tests.Notifications;

public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("0.1.2.3", AddressKind.ThisNetwork)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("10.255.255.255", AddressKind.Private)]
    [InlineData("100.64.0.1", AddressKind.SharedAddressSpace)]
    [InlineData("100.100.100.200", AddressKind.SharedAddressSpace)]
    [InlineData("100.127.255.255", AddressKind.SharedAddressSpace)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.255.0.9", AddressKind.Loopback)]
    [InlineData("169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("172.16.0.1", AddressKind.Private)]
    [InlineData("172.31.255.254", AddressKind.Private)]
    [InlineData("192.0.0.192", AddressKind.ProtocolAssignment)]
    [InlineData("192.0.2.10", AddressKind.Documentation)]
    [InlineData("192.88.99.1", AddressKind.Reserved)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("198.18.0.1", AddressKind.Benchmarking)]
    [InlineData("198.19.255.1", AddressKind.Benchmarking)]
    [InlineData("198.51.100.7", AddressKind.Documentation)]
    [InlineData("203.0.113.9", AddressKind.Documentation)]
    [InlineData("224.0.0.251", AddressKind.Multicast)]
    [InlineData("239.255.255.250", AddressKind.Multicast)]
    [InlineData("240.0.0.1", AddressKind.Reserved)]
    [InlineData("255.255.255.255", AddressKind.Broadcast)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("::ffff:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::ffff:7f00:1", AddressKind.Loopback)]
    [InlineData("::ffff:169.254.169.254", AddressKind.LinkLocal)]
    [InlineData("::ffff:10.1.2.3", AddressKind.Private)]
    [InlineData("::ffff:0:127.0.0.1", AddressKind.Loopback)]
    [InlineData("::127.0.0.1", AddressKind.Reserved)]
    [InlineData("64:ff9b::7f00:1", AddressKind.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressKind.LinkLocal)]
    [InlineData("64:ff9b:1::1", AddressKind.Private)]
    [InlineData("2002:7f00:1::", AddressKind.Loopback)]
    [InlineData("2002:c0a8:101::1", AddressKind.Private)]
    [InlineData("2001::1", AddressKind.Reserved)]
    [InlineData("2001:db8::1", AddressKind.Documentation)]
    [InlineData("2001:2::1", AddressKind.Benchmarking)]
    [InlineData("3fff::1", AddressKind.Documentation)]
    [InlineData("fc00::1", AddressKind.UniqueLocal)]
    [InlineData("fd00:ec2::254", AddressKind.UniqueLocal)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("fe80::1%2", AddressKind.LinkLocal)]
    [InlineData("febf::1", AddressKind.LinkLocal)]
    [InlineData("fec0::1", AddressKind.SiteLocal)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("100::1", AddressKind.Reserved)]
    [InlineData("4000::1", AddressKind.Reserved)]
    [InlineData("5f00::1", AddressKind.Reserved)]
    public void Classify_ReservedAndPrivateRanges_AreNamed(string address, AddressKind kind)
    {
        Assert.Equal(kind, NetworkAddresses.Classify(IPAddress.Parse(address)));
        Assert.False(NetworkAddresses.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.0.1.1")]
    [InlineData("192.169.0.1")]
    [InlineData("198.20.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2a00:1450:4007:80e::200e")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2002:808:808::1")]
    [InlineData("64:ff9b::808:808")]
    public void Classify_PublicUnicast_IsPublic(string address) =>
        Assert.Equal(AddressKind.Public, NetworkAddresses.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2130706433")]
    [InlineData("0x7f.1")]
    [InlineData("0x7f000001")]
    [InlineData("0177.0.0.1")]
    [InlineData("127.1")]
    [InlineData("0x7f.0x0.0x0.0x1")]
    [InlineData("0:0:0:0:0:ffff:7f00:1")]
    [InlineData("0000:0000:0000:0000:0000:0000:0000:0001")]
    public void Classify_OtherSpellingsOfLoopback_AreLoopback(string spelling) =>
        Assert.Equal(AddressKind.Loopback, NetworkAddresses.Classify(IPAddress.Parse(spelling)));
}
