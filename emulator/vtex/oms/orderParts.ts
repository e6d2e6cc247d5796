/** Item and payment sections of the emulated order document (see orderFactory). */
import { hexId } from './dates'
import type { LogisticsInfo, OrderDocument, OrderItem } from './types'
import { OmsError } from './types'

export function buildItem(
  orderId: string,
  index: number,
  id: string,
  name: string,
  input: { quantity?: number; price?: number }
): OrderItem {
  const quantity = input.quantity ?? 1
  const price = input.price ?? 9990
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new OmsError(400, `item ${id}: quantity must be a positive integer`)
  if (!Number.isInteger(price) || price < 0) throw new OmsError(400, `item ${id}: price must be integer cents`)
  const productId = String(100 + index)
  const slug = name
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
  return {
    uniqueId: hexId().toUpperCase(),
    id,
    productId,
    ean: null,
    lockId: `00-${orderId}`,
    itemAttachment: { content: {}, name: null },
    attachments: [],
    quantity,
    seller: '1',
    name,
    refId: `REF-${id}`,
    price,
    listPrice: price,
    manualPrice: null,
    priceTags: [],
    imageUrl: `https://store.vteximg.com.br/arquivos/ids/${productId}-55-55/${slug || 'item'}.jpg`,
    detailUrl: `/${slug || 'item'}/p`,
    components: [],
    bundleItems: [],
    params: [],
    offerings: [],
    attachmentOfferings: [],
    sellerSku: id,
    priceValidUntil: null,
    commission: 0,
    tax: 0,
    preSaleDate: null,
    additionalInfo: {
      brandName: 'Marca Exemplo',
      brandId: '2000000',
      categoriesIds: '/1/',
      categories: [{ id: 1, name: 'Geral' }],
      productClusterId: '',
      commercialConditionId: '1',
      dimension: { cubicweight: 1, height: 10, length: 30, weight: 800, width: 20 },
      offeringInfo: null,
      offeringType: null,
      offeringTypeId: null,
    },
    measurementUnit: 'un',
    unitMultiplier: 1,
    sellingPrice: price,
    isGift: false,
    shippingPrice: null,
    rewardValue: 0,
    freightCommission: 0,
    priceDefinitions: {
      sellingPrices: [{ value: price, quantity }],
      calculatedSellingPrice: price,
      total: price * quantity,
    },
    taxCode: null,
    parentItemIndex: null,
    parentAssemblyBinding: null,
    callCenterOperator: null,
    serialNumbers: null,
    assemblies: [],
    costPrice: price,
  }
}

export function buildPaymentData(account: string, value: number): OrderDocument['paymentData'] {
  const tid = hexId().slice(0, 20)
  return {
    giftCards: [],
    transactions: [
      {
        isActive: true,
        transactionId: hexId().toUpperCase(),
        merchantName: account.toUpperCase(),
        payments: [
          {
            id: hexId().toUpperCase(),
            paymentSystem: '2',
            paymentSystemName: 'Visa',
            value,
            installments: 1,
            referenceValue: value,
            cardHolder: null,
            cardNumber: null,
            firstDigits: '411111',
            lastDigits: '1111',
            cvv2: null,
            expireMonth: null,
            expireYear: null,
            url: null,
            giftCardId: null,
            giftCardName: null,
            giftCardCaption: null,
            redemptionCode: null,
            group: 'creditCard',
            tid,
            dueDate: null,
            connectorResponses: { tid, ReturnCode: null, Message: null, authId: '170852' },
            giftCardProvider: null,
            giftCardAsDiscount: null,
            koinUrl: null,
            accountId: null,
            parentAccountId: null,
            bankIssuedInvoiceIdentificationNumber: null,
            bankIssuedInvoiceIdentificationNumberFormatted: null,
            bankIssuedInvoiceBarCodeNumber: null,
            bankIssuedInvoiceBarCodeType: null,
            billingAddress: null,
            paymentOrigin: null,
          },
        ],
      },
    ],
  }
}

export interface ShippingChoice {
  account: string
  courier: string
  sla: string
  estimateDays: number
  estimateDate: string | null
  shippingPrice: number
  country: string
  addressId: string
}

/** One logisticsInfo entry per item; the whole shipping price sits on the first, as in real orders. */
export function buildLogisticsInfo(items: OrderItem[], choice: ShippingChoice): LogisticsInfo[] {
  const { account, courier, sla, estimateDays, estimateDate, shippingPrice, country } = choice
  return items.map((item, index) => {
    const price = index === 0 ? shippingPrice : 0
    return {
      itemIndex: index,
      selectedSla: sla,
      lockTTL: '10d',
      price,
      listPrice: price,
      sellingPrice: price,
      deliveryWindow: null,
      deliveryCompany: courier,
      shippingEstimate: `${estimateDays}bd`,
      ...(estimateDate === null ? {} : { shippingEstimateDate: estimateDate }),
      slas: [
        {
          id: sla,
          name: sla,
          shippingEstimate: `${estimateDays}bd`,
          deliveryWindow: null,
          price,
          deliveryChannel: 'delivery',
          pickupStoreInfo: {
            additionalInfo: null,
            address: null,
            dockId: null,
            friendlyName: null,
            isPickupStore: false,
          },
          polygonName: null,
          lockTTL: '10d',
          pickupPointId: '',
          transitTime: `${estimateDays}d`,
          pickupDistance: 0,
        },
      ],
      shipsTo: [country],
      deliveryIds: [
        {
          courierId: courier.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          courierName: courier,
          dockId: '1',
          quantity: item.quantity,
          warehouseId: '1_1',
          accountCarrierName: account,
          kitItemDetails: [],
        },
      ],
      deliveryChannels: [{ id: 'delivery', stockBalance: 0 }],
      selectedDeliveryChannel: 'delivery',
      deliveryChannel: 'delivery',
      pickupStoreInfo: { additionalInfo: null, address: null, dockId: null, friendlyName: null, isPickupStore: false },
      addressId: choice.addressId,
      versionId: null,
      entityId: null,
      polygonName: null,
      pickupPointId: null,
      transitTime: `${estimateDays}d`,
    }
  })
}
