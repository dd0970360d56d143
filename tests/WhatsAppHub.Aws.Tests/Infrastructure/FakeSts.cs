using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace WhatsAppHub.Aws.Tests.Infrastructure;

/// <summary>Answers AssumeRoleWithWebIdentity the way STS does (query protocol, XML), with fresh keys per call.</summary>
public static class FakeSts
{
    public static string AccessKeyId(int call) => $"ASIASTSFAKE{call:D4}";

    public static string SecretKey(int call) => $"sts-secret-{call}";

    public static string SessionToken(int call) => $"sts-session-token-{call}";

    public static Func<RecordedRequest, HttpContext, Task> Responder(Func<DateTimeOffset> expiration)
    {
        var calls = 0;
        return async (_, context) =>
        {
            var call = Interlocked.Increment(ref calls);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync($"""
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleWithWebIdentityResult>
                    <SubjectFromWebIdentityToken>00000000-0000-0000-0000-000000000001</SubjectFromWebIdentityToken>
                    <Audience>api://aws-access</Audience>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::123456789012:assumed-role/whatsapphub/session</Arn>
                      <AssumedRoleId>AROAFAKE:session</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <SessionToken>{SessionToken(call)}</SessionToken>
                      <SecretAccessKey>{SecretKey(call)}</SecretAccessKey>
                      <Expiration>{expiration().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}</Expiration>
                      <AccessKeyId>{AccessKeyId(call)}</AccessKeyId>
                    </Credentials>
                    <Provider>sts.windows.net/00000000-0000-0000-0000-00000000000a/</Provider>
                  </AssumeRoleWithWebIdentityResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleWithWebIdentityResponse>
                """, Encoding.UTF8);
        };
    }
}
