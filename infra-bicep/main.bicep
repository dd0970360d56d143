// WhatsAppHub on Azure: a storage account (tables + queues, reached with the app's managed identity) and the hub
// as an Azure Functions custom handler on an Elastic Premium plan (custom handlers are not offered on Flex Consumption).
// App settings are the ones the hub reads (src/WhatsAppHub.Functions/Configuration/HubSetting.cs); a test keeps them in step.
// Not compiled here (no Bicep CLI is reachable offline); review with `bicep build` before use.

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Short lower-case prefix for resource names.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'wahub'

@description('Function key callers send in x-functions-key or ?code=.')
@secure()
param hubApiKey string

@description('AWS Region of the EUM Social account.')
param eumRegion string = 'us-east-1'

@secure()
@description('Secret payment gateways sign their callbacks to POST /api/payments/{id}/status with (HMAC-SHA256); empty turns the callback route off.')
param paymentsCallbackSecret string = ''

@description('EUM phone number id that sends when a request names none (phone-number-id-...).')
param eumDefaultPhoneNumberId string

@description('IAM role the hub assumes with its Entra token (AssumeRoleWithWebIdentity).')
param eumRoleArn string

@description('Application id URI that the AWS IAM OIDC provider trusts as audience.')
param eumWebIdentityAudience string = 'api://AzureADTokenExchange'

@description('Meta Graph API version passed to SendWhatsAppMessage.')
param eumMetaApiVersion string = 'v20.0'

@description('S3 bucket (in the EUM account) that holds media uploaded for sending; the assumed role needs s3:PutObject/GetObject/DeleteObject on it.')
param mediaBucket string

@description('Key prefix of uploaded media in the bucket.')
param mediaKeyPrefix string = 'media/'

@description('AWS Region of the media bucket; empty means the EUM Region.')
param mediaRegion string = ''

@description('Comma-separated SNS topic ARNs of the EUM event destination whose messages the hub accepts (empty refuses all).')
param snsAllowedTopicArns string = ''

var suffix = uniqueString(resourceGroup().id)
var storageName = take('${namePrefix}${suffix}', 24)
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'elastic'
  sku: { name: 'EP1', tier: 'ElasticPremium' }
  properties: { reserved: true, maximumElasticWorkerCount: 10 }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: ''
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
        // The Functions host itself (leases, queue triggers) and the hub share one account through the identity.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__clientId', value: '' }
        // Azure Storage serves calls in parallel: the pumps' storage calls need not take turns.
        { name: 'Pumps__StorageCalls', value: '0' }
        { name: 'Hub__ApiKey', value: hubApiKey }
        { name: 'Eum__Region', value: eumRegion }
        { name: 'Eum__ServiceUrl', value: '' }
        // Keys stay empty on Azure: the hub assumes Eum__RoleArn with its managed identity's Entra token.
        { name: 'Eum__AccessKeyId', value: '' }
        { name: 'Eum__SecretAccessKey', value: '' }
        { name: 'Eum__SessionToken', value: '' }
        { name: 'Eum__RoleArn', value: eumRoleArn }
        { name: 'Eum__WebIdentityAudience', value: eumWebIdentityAudience }
        { name: 'Eum__StsServiceUrl', value: '' }
        { name: 'Eum__DefaultPhoneNumberId', value: eumDefaultPhoneNumberId }
        { name: 'Eum__MetaApiVersion', value: eumMetaApiVersion }
        { name: 'Eum__TimeoutSeconds', value: '10' }
        { name: 'Outbound__RatePerSecond', value: '80' }
        { name: 'Outbound__MaxAttempts', value: '8' }
        { name: 'Outbound__Concurrency', value: '64' }
        { name: 'Outbound__RunPumps', value: 'true' }
        { name: 'Inbound__RunPumps', value: 'true' }
        { name: 'Workflows__RunPumps', value: 'true' }
        { name: 'Outbound__EnforceServiceWindow', value: 'true' }
        { name: 'Outbound__RetryBaseDelayMs', value: '1000' }
        { name: 'Outbound__RetryMaxDelaySeconds', value: '300' }
        { name: 'Outbound__ReconcileSeconds', value: '90' }
        { name: 'Campaigns__RunPumps', value: 'true' }
        { name: 'Campaigns__RatePerSecond', value: '20' }
        { name: 'Media__Bucket', value: mediaBucket }
        { name: 'Media__KeyPrefix', value: mediaKeyPrefix }
        // Empty: inbound media is downloaded into Media__Bucket.
        { name: 'Media__InboundBucket', value: '' }
        { name: 'Media__InboundKeyPrefix', value: 'inbound/' }
        { name: 'Media__PresignedUrlMinutes', value: '15' }
        { name: 'Media__DownloadMaxAttempts', value: '10' }
        { name: 'Media__DownloadRetrySeconds', value: '5' }
        { name: 'Media__S3ServiceUrl', value: '' }
        { name: 'Media__Region', value: mediaRegion }
        // Empty: S3 is reached with the same assumed role as EUM.
        { name: 'Media__AccessKeyId', value: '' }
        { name: 'Media__SecretAccessKey', value: '' }
        // The EUM event destination topic(s) whose SNS messages /api/eum/events accepts.
        { name: 'Sns__AllowedTopicArns', value: snsAllowedTopicArns }
        // Never on Azure: only SNS's own hosts are trusted for signing certificates.
        { name: 'Sns__TrustedTestCertificateHost', value: '' }
        // Subscribers are reached over https only on Azure.
        { name: 'Subscriptions__RunPumps', value: 'true' }
        { name: 'Subscriptions__AllowHttpLoopback', value: 'false' }
        { name: 'Subscriptions__TimeoutSeconds', value: '10' }
        { name: 'Subscriptions__MaxAttempts', value: '8' }
        { name: 'Subscriptions__FirstRetrySeconds', value: '5' }
        { name: 'Payments__CallbackSecret', value: paymentsCallbackSecret }
      ]
    }
  }
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  name: guid(storage.id, app.id, role.value)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

output hubUrl string = 'https://${app.properties.defaultHostName}/api'
output storageAccount string = storage.name
output principalId string = app.identity.principalId
