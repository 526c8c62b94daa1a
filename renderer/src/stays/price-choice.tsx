/**
 * Money is never silent (issue 10 item 6): a move or new dates shows the price now and both prices
 * to choose from — keep the agreed price, or reprice at nights × rate — from the host's own quote
 * (`stays:quote`). When both are the same there is nothing to ask; otherwise the user must choose
 * before the change can be saved. Used by the stay dialog's panels and by drag on the board.
 */
import { useEffect, useState } from 'react';
import type { StayQuote } from '../../../shared/contract/stay-desk';
import type { PricingChoice } from '../../../shared/contract/stays';
import { useT } from '../i18n/locale-store';
import { useFormats } from '../i18n/use-formats';
import { ErrorAlert } from '../ui/error-alert';
import { useStaysStore } from './stays-store';

export interface QuoteRequest {
  id: number;
  roomId?: number;
  checkin?: string;
  checkout?: string;
}

export interface QuoteState {
  quote: StayQuote | null;
  error: unknown;
}

/** The host's quote for the proposed room or dates, reloaded when they change; stale answers are dropped. */
export function useQuote(request: QuoteRequest | null): QuoteState {
  const [state, setState] = useState<QuoteState>({ quote: null, error: null });
  const key = request ? JSON.stringify(request) : '';
  useEffect(() => {
    if (!request) {
      setState({ quote: null, error: null });
      return;
    }
    let live = true;
    setState({ quote: null, error: null });
    useStaysStore
      .getState()
      .priceQuote(request)
      .then((quote) => live && setState({ quote, error: null }))
      .catch((error: unknown) => live && setState({ quote: null, error }));
    return () => {
      live = false;
    };
    // `key` stands for the request's fields.
  }, [key]);
  return state;
}

/** The pricing to send, or null while the user still has to choose (or the quote is not in). */
export function pricingToSend(quote: StayQuote | null, choice: PricingChoice | null): PricingChoice | null {
  if (!quote) return null;
  if (!quote.differs) return 'keep';
  return choice;
}

export function PriceChoice(props: { quote: QuoteState; choice: PricingChoice | null; onChoose(choice: PricingChoice): void }) {
  const t = useT();
  const f = useFormats();
  const { quote, error } = props.quote;
  if (error) return <ErrorAlert error={error} />;
  if (!quote) return <p className="muted" data-testid="price-loading">{t('price.loading')}</p>;
  const { current, proposed } = quote;
  const option = (choice: PricingChoice, label: string) => (
    <label className="choice">
      <input type="radio" name="pricing" value={choice} checked={props.choice === choice} onChange={() => props.onChoose(choice)} data-testid={`price-${choice}`} />
      <span>{label}</span>
    </label>
  );
  if (!quote.differs) {
    return <p className="price-same" data-testid="price-same">{t('price.same', { price: f.money(current.price) })}</p>;
  }
  return (
    <fieldset className="price-choice" data-testid="price-choice">
      <legend>{t('price.question')}</legend>
      <p className="muted">
        {t('price.current')}: <strong data-testid="price-current">{f.money(current.price)}</strong>
      </p>
      {option('keep', t('price.keep', { price: f.money(proposed.keepPrice) }))}
      {option('reprice', t('price.reprice', { nights: proposed.nights, rate: f.money(proposed.nightlyRate), price: f.money(proposed.repricePrice) }))}
    </fieldset>
  );
}
