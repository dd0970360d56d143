using Amazon.Runtime;
using Amazon.Runtime.Internal;
using WhatsAppHub.Aws.Eum.Pipeline;
using WhatsAppHub.Aws.Eum.Transform;
using WhatsAppHub.Aws.Eum.Transform.Operations;

namespace WhatsAppHub.Aws.Eum;

/// <summary>
/// The EUM Social client on AWSSDK.Core: the SDK brings SigV4, the HTTP pipeline, retries and the
/// credential chain; this client brings the restJson1 marshalling of each operation and the endpoint rules.
/// SendWhatsAppMessage is never retried by the client (see <see cref="SocialMessagingRetryPolicy"/>).
/// </summary>
public sealed class SocialMessagingClient : AmazonServiceClient, ISocialMessaging
{
    private static readonly IServiceMetadata Metadata = new SocialMessagingServiceMetadata();

    public SocialMessagingClient(AWSCredentials credentials, SocialMessagingConfig config)
        : base(credentials, config)
    {
    }

    /// <summary>Uses the SDK's default credential chain (environment, profile, web identity, container, instance).</summary>
    public SocialMessagingClient(SocialMessagingConfig config)
        : base(config)
    {
    }

    protected override IServiceMetadata ServiceMetadata => Metadata;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        // The stock endpoint handler expects generated rules; ours restates the model's. The auth handler
        // goes right after the marshaller (added last, so it lands first), then the endpoint resolver.
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new SocialMessagingEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthResolver());
        pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new SocialMessagingRetryPolicy(Config)));
    }

    private Task<TResponse> Invoke<TRequest, TResponse>(
        EumOperation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        return InvokeAsync<TResponse>(request, operation.Options, cancellationToken);
    }

    public Task<AssociateWhatsAppBusinessAccountResponse> AssociateWhatsAppBusinessAccountAsync(AssociateWhatsAppBusinessAccountRequest request, CancellationToken cancellationToken = default) =>
        Invoke(AssociateWhatsAppBusinessAccountOperation.Instance, request, cancellationToken);

    public Task<CreateWhatsAppMessageTemplateResponse> CreateWhatsAppMessageTemplateAsync(CreateWhatsAppMessageTemplateRequest request, CancellationToken cancellationToken = default) =>
        Invoke(CreateWhatsAppMessageTemplateOperation.Instance, request, cancellationToken);

    public Task<CreateWhatsAppMessageTemplateFromLibraryResponse> CreateWhatsAppMessageTemplateFromLibraryAsync(CreateWhatsAppMessageTemplateFromLibraryRequest request, CancellationToken cancellationToken = default) =>
        Invoke(CreateWhatsAppMessageTemplateFromLibraryOperation.Instance, request, cancellationToken);

    public Task<CreateWhatsAppMessageTemplateMediaResponse> CreateWhatsAppMessageTemplateMediaAsync(CreateWhatsAppMessageTemplateMediaRequest request, CancellationToken cancellationToken = default) =>
        Invoke(CreateWhatsAppMessageTemplateMediaOperation.Instance, request, cancellationToken);

    public Task<DeleteWhatsAppMessageMediaResponse> DeleteWhatsAppMessageMediaAsync(DeleteWhatsAppMessageMediaRequest request, CancellationToken cancellationToken = default) =>
        Invoke(DeleteWhatsAppMessageMediaOperation.Instance, request, cancellationToken);

    public Task<DeleteWhatsAppMessageTemplateResponse> DeleteWhatsAppMessageTemplateAsync(DeleteWhatsAppMessageTemplateRequest request, CancellationToken cancellationToken = default) =>
        Invoke(DeleteWhatsAppMessageTemplateOperation.Instance, request, cancellationToken);

    public Task<DisassociateWhatsAppBusinessAccountResponse> DisassociateWhatsAppBusinessAccountAsync(DisassociateWhatsAppBusinessAccountRequest request, CancellationToken cancellationToken = default) =>
        Invoke(DisassociateWhatsAppBusinessAccountOperation.Instance, request, cancellationToken);

    public Task<GetLinkedWhatsAppBusinessAccountResponse> GetLinkedWhatsAppBusinessAccountAsync(GetLinkedWhatsAppBusinessAccountRequest request, CancellationToken cancellationToken = default) =>
        Invoke(GetLinkedWhatsAppBusinessAccountOperation.Instance, request, cancellationToken);

    public Task<GetLinkedWhatsAppBusinessAccountPhoneNumberResponse> GetLinkedWhatsAppBusinessAccountPhoneNumberAsync(GetLinkedWhatsAppBusinessAccountPhoneNumberRequest request, CancellationToken cancellationToken = default) =>
        Invoke(GetLinkedWhatsAppBusinessAccountPhoneNumberOperation.Instance, request, cancellationToken);

    public Task<GetWhatsAppMessageMediaResponse> GetWhatsAppMessageMediaAsync(GetWhatsAppMessageMediaRequest request, CancellationToken cancellationToken = default) =>
        Invoke(GetWhatsAppMessageMediaOperation.Instance, request, cancellationToken);

    public Task<GetWhatsAppMessageTemplateResponse> GetWhatsAppMessageTemplateAsync(GetWhatsAppMessageTemplateRequest request, CancellationToken cancellationToken = default) =>
        Invoke(GetWhatsAppMessageTemplateOperation.Instance, request, cancellationToken);

    public Task<ListLinkedWhatsAppBusinessAccountsResponse> ListLinkedWhatsAppBusinessAccountsAsync(ListLinkedWhatsAppBusinessAccountsRequest request, CancellationToken cancellationToken = default) =>
        Invoke(ListLinkedWhatsAppBusinessAccountsOperation.Instance, request, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default) =>
        Invoke(ListTagsForResourceOperation.Instance, request, cancellationToken);

    public Task<ListWhatsAppMessageTemplatesResponse> ListWhatsAppMessageTemplatesAsync(ListWhatsAppMessageTemplatesRequest request, CancellationToken cancellationToken = default) =>
        Invoke(ListWhatsAppMessageTemplatesOperation.Instance, request, cancellationToken);

    public Task<ListWhatsAppTemplateLibraryResponse> ListWhatsAppTemplateLibraryAsync(ListWhatsAppTemplateLibraryRequest request, CancellationToken cancellationToken = default) =>
        Invoke(ListWhatsAppTemplateLibraryOperation.Instance, request, cancellationToken);

    public Task<PostWhatsAppMessageMediaResponse> PostWhatsAppMessageMediaAsync(PostWhatsAppMessageMediaRequest request, CancellationToken cancellationToken = default) =>
        Invoke(PostWhatsAppMessageMediaOperation.Instance, request, cancellationToken);

    public Task<PutWhatsAppBusinessAccountEventDestinationsResponse> PutWhatsAppBusinessAccountEventDestinationsAsync(PutWhatsAppBusinessAccountEventDestinationsRequest request, CancellationToken cancellationToken = default) =>
        Invoke(PutWhatsAppBusinessAccountEventDestinationsOperation.Instance, request, cancellationToken);

    public Task<SendWhatsAppMessageResponse> SendWhatsAppMessageAsync(SendWhatsAppMessageRequest request, CancellationToken cancellationToken = default) =>
        Invoke(SendWhatsAppMessageOperation.Instance, request, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default) =>
        Invoke(TagResourceOperation.Instance, request, cancellationToken);

    public Task<UntagResourceResponse> UntagResourceAsync(UntagResourceRequest request, CancellationToken cancellationToken = default) =>
        Invoke(UntagResourceOperation.Instance, request, cancellationToken);

    public Task<UpdateWhatsAppMessageTemplateResponse> UpdateWhatsAppMessageTemplateAsync(UpdateWhatsAppMessageTemplateRequest request, CancellationToken cancellationToken = default) =>
        Invoke(UpdateWhatsAppMessageTemplateOperation.Instance, request, cancellationToken);
}
