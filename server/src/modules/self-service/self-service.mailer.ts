import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config.js';

/** E-mail through nodemailer to SMTP_URL; without it nothing is sent and links are only shown to copy. */
@Injectable()
export class SelfServiceMailer {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.smtpUrl;
  }

  async sendLink(to: string, partnerName: string, url: string, expiresAt: string, singleUse: boolean): Promise<void> {
    this.transporter ??= nodemailer.createTransport(this.config.smtpUrl!);
    const until = new Date(expiresAt).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
    const text = [
      `Beste ${partnerName},`,
      '',
      'Uw buurtteam vraagt u om uw gegevens in de sociale kaart te controleren.',
      'Klopt alles nog? Of is er iets veranderd? Via deze persoonlijke link kunt u dat doorgeven:',
      '',
      url,
      '',
      `De link werkt tot ${until}${singleUse ? ' en één keer' : ''}. Geef de link niet aan anderen.`,
      'Heeft u niet om deze e-mail gevraagd? Dan kunt u hem negeren.',
      '',
      '---',
      'Dear partner, your neighbourhood team asks you to check your details in the social map. Use the link above (personal; do not share it).',
    ].join('\n');
    await this.transporter.sendMail({ from: this.config.mailFrom, to, subject: 'Kloppen uw gegevens nog? / Are your details still correct?', text });
  }
}
