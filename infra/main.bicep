// Alignment connector on Azure: a Function App on the Flex Consumption plan (.NET 10 isolated worker) with a
// system-assigned identity, a key-less storage account (host state, deployment package, connector tables),
// Application Insights on a Log Analytics workspace, and a Key Vault (RBAC) whose secrets reach the app through
// Key Vault references. Deploy with:
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json
// Every Alignment__* setting is documented in docs/configuration.md.

targetScope = 'resourceGroup'

@description('Azure region; must offer the Flex Consumption plan.')
param location string = resourceGroup().location

@description('Short lower-case prefix of every resource name, e.g. "alignment" or "align-prod".')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('The master CRM the connector scores and writes back to.')
@allowed([
  'Salesforce'
  'HubSpot'
])
param crm string

@description('Salesforce token endpoint host: https://login.salesforce.com, https://test.salesforce.com or the My Domain URL.')
param salesforceLoginUrl string = 'https://login.salesforce.com'

@description('Consumer key (client id) of the Salesforce External Client App used for the JWT bearer flow.')
param salesforceClientId string = ''

@description('Username of the Salesforce integration user (JWT subject).')
param salesforceUsername string = ''

@description('Salesforce REST API version.')
param salesforceApiVersion string = 'v66.0'

@description('18-character Salesforce organization id; Outbound Messages from any other org are refused.')
param salesforceOrganizationId string = ''

@description('HubSpot date-versioned API path segment.')
param hubSpotApiVersion string = '2026-03'

@description('How SLA alerts reach Slack: an incoming webhook (fixed channel) or a bot token with chat.postMessage.')
@allowed([
  'Webhook'
  'Bot'
])
param slackMode string = 'Webhook'

@description('Slack channel id for alerts when slackMode is Bot, e.g. C0123456789.')
param slackChannel string = ''

@description('NCRONTAB (six fields, UTC) of the incremental scoring run.')
param scoreSchedule string = '0 */15 * * * *'

@description('NCRONTAB (six fields, UTC) of the nightly full rescore.')
param fullRescoreSchedule string = '0 30 2 * * *'

@description('Fan the nightly full rescore out as queue partitions (docs/partitions.md); for orgs above about 100,000 accounts.')
param partitionedFullRescore bool = false

@description('NCRONTAB (six fields, UTC) of the SLA sweep.')
param slaSweepSchedule string = '0 */5 * * * *'

@description('NCRONTAB (six fields, UTC) of the webhook inbox drain (retries of failed deliveries).')
param inboxDrainSchedule string = '30 * * * * *'

@description('NCRONTAB (six fields, UTC) of the monthly calibration and its Slack summary.')
param calibrateSchedule string = '0 0 7 1 * *'

@description('NCRONTAB (six fields, UTC) of the weekly digest check; it sends once a week from Monday 08:00 in the team time zone.')
param weeklyDigestSchedule string = '0 5 * * * *'

@description('PEM private key whose certificate is uploaded to the Salesforce app. Empty: set the Key Vault secret salesforce-private-key later.')
@secure()
param salesforcePrivateKey string = ''

@description('Shared secret that signs Salesforce Flow HTTP callouts. Empty: set the Key Vault secret salesforce-flow-secret later.')
@secure()
param salesforceFlowSecret string = ''

@description('HubSpot private app (or service key) access token. Empty: set the Key Vault secret hubspot-access-token later.')
@secure()
param hubSpotAccessToken string = ''

@description('HubSpot app client secret that signs webhooks (signature v3). Empty: set the Key Vault secret hubspot-client-secret later.')
@secure()
param hubSpotClientSecret string = ''

@description('Slack incoming webhook URL, or the bot token (xoxb-...) when slackMode is Bot. Empty: set the Key Vault secret slack-secret later.')
@secure()
param slackSecret string = ''

@description('Function App instances at most (40-1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Further app settings merged over the generated ones (e.g. Alignment__Sync__WriteBatchSize).')
param additionalAppSettings object = {}

param tags object = {
  application: 'alignment'
}

var suffix = uniqueString(resourceGroup().id, namePrefix)
var storageAccountName = take(toLower('st${replace(namePrefix, '-', '')}${suffix}'), 24)
var keyVaultName = take('kv-${namePrefix}-${suffix}', 24)
var appName = '${namePrefix}-func-${suffix}'
var deploymentContainerName = 'app-package-${take(suffix, 8)}'

var secretNames = {
  salesforcePrivateKey: 'salesforce-private-key'
  salesforceFlowSecret: 'salesforce-flow-secret'
  hubSpotAccessToken: 'hubspot-access-token'
  hubSpotClientSecret: 'hubspot-client-secret'
  slackSecret: 'slack-secret'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: '${namePrefix}-log-${suffix}'
    appInsightsName: '${namePrefix}-appi-${suffix}'
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    deploymentContainerName: deploymentContainerName
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    secrets: {
      '${secretNames.salesforcePrivateKey}': crm == 'Salesforce' ? salesforcePrivateKey : ''
      '${secretNames.salesforceFlowSecret}': crm == 'Salesforce' ? salesforceFlowSecret : ''
      '${secretNames.hubSpotAccessToken}': crm == 'HubSpot' ? hubSpotAccessToken : ''
      '${secretNames.hubSpotClientSecret}': crm == 'HubSpot' ? hubSpotClientSecret : ''
      '${secretNames.slackSecret}': slackSecret
    }
    tags: tags
  }
}

// Versionless references: the app picks up a rotated secret without a redeployment.
var secretUriBase = '${vault.outputs.vaultUri}secrets/'

var commonSettings = {
  Alignment__Crm: crm
  Alignment__StateStore: 'Tables'
  Alignment__State__TableServiceUri: storage.outputs.tableEndpoint
  Alignment__State__QueueServiceUri: storage.outputs.queueEndpoint
  Alignment__Sync__PartitionedFullRescore: string(partitionedFullRescore)
  Alignment__AlertChannel: 'Slack'
  Alignment__Schedules__Score: scoreSchedule
  Alignment__Schedules__FullRescore: fullRescoreSchedule
  Alignment__Schedules__SweepSla: slaSweepSchedule
  Alignment__Schedules__DrainInbox: inboxDrainSchedule
  Alignment__Schedules__Calibrate: calibrateSchedule
  Alignment__Schedules__WeeklyDigest: weeklyDigestSchedule
}

var slackSettings = slackMode == 'Bot'
  ? {
      Alignment__Slack__Mode: 'Bot'
      Alignment__Slack__BotToken: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${secretNames.slackSecret})'
      Alignment__Slack__Channel: slackChannel
    }
  : {
      Alignment__Slack__Mode: 'Webhook'
      Alignment__Slack__WebhookUrl: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${secretNames.slackSecret})'
    }

var salesforceSettings = {
  Alignment__Salesforce__LoginUrl: salesforceLoginUrl
  Alignment__Salesforce__ClientId: salesforceClientId
  Alignment__Salesforce__Username: salesforceUsername
  Alignment__Salesforce__ApiVersion: salesforceApiVersion
  Alignment__Salesforce__OrganizationId: salesforceOrganizationId
  Alignment__Salesforce__AuthFlow: 'JwtBearer'
  Alignment__Salesforce__PrivateKeyPem: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${secretNames.salesforcePrivateKey})'
  Alignment__Salesforce__FlowSecret: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${secretNames.salesforceFlowSecret})'
}

var hubSpotSettings = {
  Alignment__HubSpot__ApiVersion: hubSpotApiVersion
  Alignment__HubSpot__AccessToken: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${secretNames.hubSpotAccessToken})'
  Alignment__HubSpot__ClientSecret: '@Microsoft.KeyVault(SecretUri=${secretUriBase}${secretNames.hubSpotClientSecret})'
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    planName: '${namePrefix}-plan-${suffix}'
    appName: appName
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    connectorSettings: union(
      commonSettings,
      slackSettings,
      crm == 'Salesforce' ? salesforceSettings : hubSpotSettings,
      additionalAppSettings
    )
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

@description('Name of the Function App (for az functionapp deployment and func azure functionapp publish).')
output functionAppName string = functionApp.outputs.name

@description('Public host name; webhook URLs are https://<host>/api/webhooks/hubspot and /api/webhooks/salesforce.')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Key Vault holding the connector secrets.')
output keyVaultName string = vault.outputs.name

@description('Storage account (no shared keys).')
output storageAccountName string = storage.outputs.name
