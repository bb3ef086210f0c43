// Key Vault in RBAC mode holding the connector's secrets. A secret whose value is left empty in the deployment is
// not created here; set it afterwards with `az keyvault secret set` (see the README, "Deploying to Azure"). The app reads the latest
// version through versionless Key Vault references.

@description('Azure region.')
param location string

@description('Key Vault name (3-24 letters, digits and hyphens).')
@minLength(3)
@maxLength(24)
param name string

@description('Secret name to secret value; empty values are skipped.')
@secure()
param secrets object

param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for item in items(secrets): if (!empty(item.value)) {
    parent: vault
    name: item.key
    properties: {
      value: item.value
      contentType: 'text/plain'
    }
  }
]

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
