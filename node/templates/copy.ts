import type { NoticeKind } from '../notifications/kinds'
import type { EmailLocale } from '../notifications/locale'

export interface EmailCopy {
  subject: string
  heading: string
  intro: string
}

type Copy = Record<NoticeKind, EmailCopy>

/** Subject and wording of every app email, per language. `{{…}}` are Message Center variables. */
export const EMAIL_COPY: Record<EmailLocale, Copy> = {
  en: {
    shipped: {
      subject: 'Your {{data.storeName}} order {{data.orderId}} has shipped',
      heading: 'Your order is on its way',
      intro: 'Your package left with {{data.courier}}. You can follow it with the tracking link below.',
    },
    first_update: {
      subject: 'Tracking update for your order {{data.orderId}}',
      heading: 'The carrier has your package',
      intro: '{{data.courier}} has registered your package. Here is the latest update.',
    },
    in_transit: {
      subject: 'Your order {{data.orderId}} is in transit',
      heading: 'Your package is in transit',
      intro: 'Your package is moving through the {{data.courier}} network.',
    },
    out_for_delivery: {
      subject: 'Your order {{data.orderId}} is out for delivery',
      heading: 'Out for delivery today',
      intro: 'Your package is with the driver and should arrive today. Please make sure someone can receive it.',
    },
    attempt_fail: {
      subject: 'We missed you: delivery attempt for order {{data.orderId}}',
      heading: 'Delivery attempt failed',
      intro:
        '{{data.courier}} tried to deliver your package but could not. Check the tracking link for the next attempt.',
    },
    available_for_pickup: {
      subject: 'Your order {{data.orderId}} is ready for pickup',
      heading: 'Ready for pickup',
      intro: 'Your package is waiting for you at a pickup point. The tracking link shows where and until when.',
    },
    exception: {
      subject: 'A problem with the delivery of order {{data.orderId}}',
      heading: 'Your delivery needs attention',
      intro:
        '{{data.courier}} reported a problem with your package. We are following it; the tracking link has the details.',
    },
    delivered: {
      subject: 'Your order {{data.orderId}} was delivered',
      heading: 'Delivered',
      intro: 'Your package was delivered. Thank you for shopping with {{data.storeName}}.',
    },
  },
  pt: {
    shipped: {
      subject: 'Seu pedido {{data.orderId}} da {{data.storeName}} foi enviado',
      heading: 'Seu pedido está a caminho',
      intro: 'Seu pacote saiu com {{data.courier}}. Acompanhe pelo link de rastreamento abaixo.',
    },
    first_update: {
      subject: 'Atualização do rastreamento do pedido {{data.orderId}}',
      heading: 'A transportadora recebeu seu pacote',
      intro: '{{data.courier}} registrou seu pacote. Esta é a atualização mais recente.',
    },
    in_transit: {
      subject: 'Seu pedido {{data.orderId}} está em trânsito',
      heading: 'Seu pacote está em trânsito',
      intro: 'Seu pacote está a caminho pela rede de {{data.courier}}.',
    },
    out_for_delivery: {
      subject: 'Seu pedido {{data.orderId}} saiu para entrega',
      heading: 'Saiu para entrega',
      intro: 'Seu pacote está com o entregador e deve chegar hoje. Garanta que alguém possa recebê-lo.',
    },
    attempt_fail: {
      subject: 'Tentativa de entrega do pedido {{data.orderId}} não realizada',
      heading: 'Não conseguimos entregar',
      intro:
        '{{data.courier}} tentou entregar seu pacote, sem sucesso. Veja no link de rastreamento a próxima tentativa.',
    },
    available_for_pickup: {
      subject: 'Seu pedido {{data.orderId}} está disponível para retirada',
      heading: 'Disponível para retirada',
      intro: 'Seu pacote aguarda você em um ponto de retirada. O link de rastreamento mostra onde e até quando.',
    },
    exception: {
      subject: 'Um problema na entrega do pedido {{data.orderId}}',
      heading: 'Sua entrega precisa de atenção',
      intro:
        '{{data.courier}} informou um problema com seu pacote. Estamos acompanhando; veja os detalhes no link de rastreamento.',
    },
    delivered: {
      subject: 'Seu pedido {{data.orderId}} foi entregue',
      heading: 'Entregue',
      intro: 'Seu pacote foi entregue. Obrigado por comprar na {{data.storeName}}.',
    },
  },
  es: {
    shipped: {
      subject: 'Tu pedido {{data.orderId}} de {{data.storeName}} fue enviado',
      heading: 'Tu pedido está en camino',
      intro: 'Tu paquete salió con {{data.courier}}. Síguelo con el enlace de seguimiento.',
    },
    first_update: {
      subject: 'Actualización del seguimiento del pedido {{data.orderId}}',
      heading: 'La transportadora recibió tu paquete',
      intro: '{{data.courier}} registró tu paquete. Esta es la actualización más reciente.',
    },
    in_transit: {
      subject: 'Tu pedido {{data.orderId}} está en tránsito',
      heading: 'Tu paquete está en tránsito',
      intro: 'Tu paquete avanza por la red de {{data.courier}}.',
    },
    out_for_delivery: {
      subject: 'Tu pedido {{data.orderId}} está en reparto',
      heading: 'En reparto hoy',
      intro: 'Tu paquete está con el repartidor y debería llegar hoy. Asegúrate de que alguien pueda recibirlo.',
    },
    attempt_fail: {
      subject: 'Intento de entrega fallido del pedido {{data.orderId}}',
      heading: 'No pudimos entregar',
      intro:
        '{{data.courier}} intentó entregar tu paquete sin éxito. Consulta el próximo intento en el enlace de seguimiento.',
    },
    available_for_pickup: {
      subject: 'Tu pedido {{data.orderId}} está listo para retirar',
      heading: 'Listo para retirar',
      intro: 'Tu paquete te espera en un punto de retiro. El enlace de seguimiento indica dónde y hasta cuándo.',
    },
    exception: {
      subject: 'Un problema con la entrega del pedido {{data.orderId}}',
      heading: 'Tu entrega necesita atención',
      intro:
        '{{data.courier}} informó un problema con tu paquete. Lo estamos siguiendo; el enlace de seguimiento tiene los detalles.',
    },
    delivered: {
      subject: 'Tu pedido {{data.orderId}} fue entregado',
      heading: 'Entregado',
      intro: 'Tu paquete fue entregado. Gracias por comprar en {{data.storeName}}.',
    },
  },
}

/** Labels around the variables, per language. */
export const EMAIL_LABELS: Record<EmailLocale, { greeting: string; latest: string; track: string; number: string }> = {
  en: { greeting: 'Hello', latest: 'Latest update', track: 'Track your package', number: 'Tracking number' },
  pt: { greeting: 'Olá', latest: 'Última atualização', track: 'Rastrear seu pacote', number: 'Código de rastreamento' },
  es: { greeting: 'Hola', latest: 'Última actualización', track: 'Seguir tu paquete', number: 'Número de seguimiento' },
}
