namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>§1.4 location.</summary>
public class LocationContentRulesTests
{
    [Theory]
    [InlineData("""{"latitude":51.5033,"longitude":-0.1196}""")]
    [InlineData("""{"latitude":-90,"longitude":180,"name":"South Pole","address":"Antarctica"}""")]
    public void Valid_locations_are_accepted(string content) => Send.Accepted(Send.Content("location", content));

    [Theory]
    [InlineData("""{"longitude":-0.1196}""", "$.location.latitude", "required")]
    [InlineData("""{"latitude":51.5}""", "$.location.longitude", "required")]
    [InlineData("""{"latitude":90.01,"longitude":0}""", "$.location.latitude", "range")]
    [InlineData("""{"latitude":0,"longitude":-180.5}""", "$.location.longitude", "range")]
    [InlineData("""{"latitude":"51.5","longitude":0}""", "$.location.latitude", "type")]
    [InlineData("""{"latitude":0,"longitude":0,"name":""}""", "$.location.name", "required")]
    [InlineData("""{"latitude":0,"longitude":0,"address":7}""", "$.location.address", "type")]
    [InlineData("""{"latitude":0,"longitude":0,"altitude":7}""", "$.location.altitude", "unknownMember")]
    public void Each_broken_location_rule_is_named(string content, string path, string rule) =>
        Send.Refused(Send.Content("location", content), path, rule);
}
