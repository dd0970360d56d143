// Local EUM + SNS sandbox. See SandboxOptions for every setting; default address http://127.0.0.1:7072.
WhatsAppHub.Sandbox.SandboxApp.Build(args).Run();
