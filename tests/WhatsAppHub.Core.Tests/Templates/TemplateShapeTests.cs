using WhatsAppHub.Core.Templates;
using WhatsAppHub.Testing.Templates;

namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>What the typed send routes read from a stored definition to tell its kind.</summary>
public class TemplateShapeTests
{
    [Fact]
    public void Each_example_reads_as_its_kind()
    {
        var coupon = TemplateShape.Read(TemplateExamples.Coupon);
        Assert.Equal(("MARKETING", 0, 1, false), (coupon.Category, coupon.IndexOf("COPY_CODE"), coupon.UrlVariableButton, coupon.LimitedTimeOffer));

        var offer = TemplateShape.Read(TemplateExamples.LimitedTimeOffer);
        Assert.Equal((true, true, 0, 1), (offer.LimitedTimeOffer, offer.OfferExpires, offer.IndexOf("COPY_CODE"), offer.UrlVariableButton));

        Assert.True(TemplateShape.Read(TemplateExamples.MediaCarousel).Carousel);
        Assert.Equal(0, TemplateShape.Read(TemplateExamples.Catalog).IndexOf("CATALOG"));
        Assert.Equal(0, TemplateShape.Read(TemplateExamples.MultiProduct).IndexOf("MPM"));
        // A URL button without a variable takes no suffix.
        Assert.Equal(-1, TemplateShape.Read(TemplateExamples.SpringSale).UrlVariableButton);

        var login = TemplateShape.Read(TemplateExamples.LoginCode);
        Assert.Equal(("AUTHENTICATION", 5), (login.Category, login.CodeExpirationMinutes));
        Assert.Equal(90, TemplateShape.Read(TemplateExamples.ZeroTap).CodeExpirationMinutes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"category": 5, "components": "none"}""")]
    [InlineData("""{"name": "x", "language": "en", "category": "utility", "components": [{"type": "BUTTONS", "buttons": [7, {"type": "URL", "url": 3}]}]}""")]
    public void A_broken_definition_reads_as_no_kind_without_throwing(string definition)
    {
        var shape = TemplateShape.Read(definition);
        Assert.False(shape.Carousel || shape.LimitedTimeOffer);
        Assert.Equal(-1, shape.IndexOf("COPY_CODE"));
        Assert.Equal(-1, shape.UrlVariableButton);
    }
}
