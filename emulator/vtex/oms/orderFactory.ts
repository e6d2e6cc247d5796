/**
 * Builds a full, realistic GetOrder document. It must validate against the official GetOrder
 * response schema (contract tests check it), so optional-but-typed fields are either filled with
 * the right type or left out, never set to a value of another type.
 */
import { randomUUID } from 'crypto'

import { addBusinessDays, hexId, vtexDate } from './dates'
import { buildItem, buildLogisticsInfo, buildPaymentData } from './orderParts'
import type { NewOrderInput, OrderDocument } from './types'
import { OmsError } from './types'

export const STATUS_DESCRIPTIONS: Record<string, string> = {
  'ready-for-handling': 'Pronto para o manuseio',
  handling: 'Preparando Entrega',
  invoiced: 'Faturado',
}

const DEFAULT_ITEMS = [{ id: '2000001', name: 'Tênis de Corrida Azul 42', quantity: 1, price: 25990 }]

const ADDRESSES: Record<
  string,
  Required<Pick<NewOrderInput, 'street' | 'number' | 'neighborhood' | 'city' | 'state' | 'postalCode'>>
> = {
  BRA: {
    street: 'Avenida Paulista',
    number: '1578',
    neighborhood: 'Bela Vista',
    city: 'São Paulo',
    state: 'SP',
    postalCode: '01310-200',
  },
  USA: {
    street: 'Congress Avenue',
    number: '1100',
    neighborhood: 'Downtown',
    city: 'Austin',
    state: 'TX',
    postalCode: '78701',
  },
}

const CURRENCIES: Record<string, { code: string; symbol: string; locale: number; lang: string; tz: string }> = {
  BRA: { code: 'BRL', symbol: 'R$', locale: 1046, lang: 'pt-BR', tz: 'E. South America Standard Time' },
  USA: { code: 'USD', symbol: '$', locale: 1033, lang: 'en-US', tz: 'Central Standard Time' },
}

/** Seven digits per account, so generated ids look like VTEX's `{7 digits}{sequence}-01`. */
export function orderIdPrefix(account: string): string {
  let hash = 2166136261
  for (const char of account) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0
  return String(1_000_000 + (hash % 9_000_000))
}

export function buildOrder(account: string, orderId: string, sequence: string, input: NewOrderInput): OrderDocument {
  const created = input.creationDate ? new Date(input.creationDate) : new Date()
  if (Number.isNaN(created.getTime())) throw new OmsError(400, `creationDate is not a date: ${input.creationDate}`)
  const country = input.country ?? 'BRA'
  const address = { ...(ADDRESSES[country] ?? ADDRESSES.BRA), ...definedAddressFields(input) }
  const currency = CURRENCIES[country] ?? CURRENCIES.BRA
  const origin = input.origin ?? 'Fulfillment'
  const status = input.status ?? 'ready-for-handling'
  const firstName = input.firstName ?? 'Ana'
  const lastName = input.lastName ?? 'Souza'
  const courier = input.courier ?? 'Correios SEDEX'
  const estimateDays = input.shippingEstimateDays ?? 5
  const shippingPrice = input.shippingPrice ?? 1500
  const items = (input.items?.length ? input.items : DEFAULT_ITEMS).map((item, index) =>
    buildItem(orderId, index, item.id ?? String(2000001 + index), item.name ?? `Produto ${index + 1}`, item)
  )
  const itemsTotal = items.reduce((sum, item) => sum + item.price * item.quantity, 0)
  const value = itemsTotal + shippingPrice
  const orderGroup = orderId.replace(/-\d+$/, '')
  const marketplaceEndpoint = `http://oms.vtexinternal.com.br/api/oms?an=${account}`
  const receiverName = `${firstName} ${lastName}`
  const fullAddress = {
    addressType: 'residential',
    receiverName,
    addressId: hexId().slice(0, 13),
    versionId: null,
    entityId: null,
    ...address,
    country,
    complement: '',
    reference: null,
    geoCoordinates: [],
  }
  const logisticsInfo = buildLogisticsInfo(items, {
    account,
    courier,
    sla: input.selectedSla ?? courier,
    estimateDays,
    estimateDate: input.shippingEstimateDated === false ? null : vtexDate(addBusinessDays(created, estimateDays)),
    shippingPrice,
    country,
    addressId: fullAddress.addressId,
  })
  const createdText = vtexDate(created)
  return {
    orderId,
    sequence,
    marketplaceOrderId: origin === 'Marketplace' ? orderId : '',
    marketplaceServicesEndpoint: marketplaceEndpoint,
    sellerOrderId: `00-${orderId}`,
    origin,
    affiliateId: '',
    salesChannel: '1',
    merchantName: null,
    status,
    workflowIsInError: false,
    statusDescription: STATUS_DESCRIPTIONS[status] ?? status,
    value,
    creationDate: createdText,
    lastChange: createdText,
    orderGroup,
    followUpEmail: `${hexId()}@ct.vtex.com.br`,
    lastMessage: null,
    hostname: account,
    isCompleted: true,
    roundingError: 0,
    orderFormId: hexId(),
    allowCancellation: true,
    allowEdition: false,
    isCheckedIn: false,
    authorizedDate: vtexDate(new Date(created.getTime() + 60_000)),
    invoicedDate: null,
    cancelReason: null,
    checkedInPickupPointId: null,
    totals: [
      { id: 'Items', name: 'Total dos Itens', value: itemsTotal },
      { id: 'Discounts', name: 'Total dos Descontos', value: 0 },
      { id: 'Shipping', name: 'Total do Frete', value: shippingPrice },
      { id: 'Tax', name: 'Total da Taxa', value: 0 },
    ],
    sellers: [
      {
        id: '1',
        name: account,
        logo: null,
        fulfillmentEndpoint: `http://fulfillment.vtexcommerce.com.br/api/fulfillment?an=${account}`,
      },
    ],
    clientPreferencesData: { locale: currency.lang, optinNewsLetter: false },
    cancellationData: null,
    taxData: null,
    subscriptionData: null,
    itemMetadata: {
      Items: items.map((item) => ({
        Id: item.id,
        Seller: '1',
        Name: item.name,
        SkuName: item.name,
        ProductId: item.productId,
        RefId: item.refId,
        Ean: '',
        ImageUrl: item.imageUrl,
        DetailUrl: item.detailUrl,
        AssemblyOptions: [],
      })),
    },
    marketplace: { baseURL: marketplaceEndpoint, isCertified: null, name: account },
    storePreferencesData: {
      countryCode: country,
      currencyCode: currency.code,
      currencyFormatInfo: {
        CurrencyDecimalDigits: 2,
        CurrencyDecimalSeparator: currency.code === 'BRL' ? ',' : '.',
        CurrencyGroupSeparator: currency.code === 'BRL' ? '.' : ',',
        CurrencyGroupSize: 3,
        StartsWithCurrencySymbol: true,
      },
      currencyLocale: currency.locale,
      currencySymbol: currency.symbol,
      timeZone: currency.tz,
    },
    customData: null,
    commercialConditionData: null,
    openTextField: null,
    invoiceData: null,
    changesAttachment: null,
    callCenterOperatorData: null,
    packageAttachment: { packages: [] },
    paymentData: buildPaymentData(account, value),
    shippingData: {
      id: 'shippingData',
      address: fullAddress,
      logisticsInfo,
      trackingHints: null,
      selectedAddresses: [fullAddress],
      contactInformation: [],
    },
    ratesAndBenefitsData: { id: 'ratesAndBenefitsData', rateAndBenefitsIdentifiers: [] },
    marketingData: null,
    giftRegistryData: null,
    clientProfileData: {
      id: 'clientProfileData',
      email: input.email ?? `${firstName}.${lastName}@example.com`.toLowerCase(),
      firstName,
      lastName,
      documentType: country === 'BRA' ? 'cpf' : 'ssn',
      document: country === 'BRA' ? '84513427019' : '',
      phone: input.phone ?? (country === 'BRA' ? '+5511987654321' : '+15125550100'),
      corporateName: null,
      tradeName: null,
      corporateDocument: null,
      stateInscription: null,
      corporatePhone: null,
      isCorporate: false,
      userProfileId: randomUUID(),
      userProfileVersion: null,
      customerClass: null,
      customerCode: null,
    },
    items,
    marketplaceItems: [],
  }
}

function definedAddressFields(input: NewOrderInput): Partial<Record<string, string>> {
  const fields = ['street', 'number', 'neighborhood', 'city', 'state', 'postalCode'] as const
  return Object.fromEntries(fields.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]))
}
