namespace WhatsAppHub.Azure.Queues;

/// <summary>A dequeued message: hidden until <see cref="NextVisibleOn"/>; delete it with <see cref="PopReceipt"/> once handled.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset NextVisibleOn);

/// <summary>A message read by Peek: still visible, so it has no pop receipt.</summary>
public sealed record PeekedQueueMessage(
    string MessageId,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset? ExpiresOn);

/// <summary>
/// What Put and Update return: the message's id, its current pop receipt and when it becomes
/// visible. Put also reports insertion and expiry times.
/// </summary>
public sealed record QueueReceipt(
    string MessageId,
    string PopReceipt,
    DateTimeOffset NextVisibleOn,
    DateTimeOffset? InsertedOn = null,
    DateTimeOffset? ExpiresOn = null);
