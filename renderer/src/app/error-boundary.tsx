/** Catches a render error so one broken screen never blanks the whole desk. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../i18n/translate';
import { useLocaleStore } from '../i18n/locale-store';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Screen failed to render', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    // Switching to another screen gives it a fresh chance.
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const lang = useLocaleStore.getState().lang;
    return (
      <div className="panel panel-center crash" role="alert" data-testid="error-boundary">
        <h1>{translate(lang, 'error.title')}</h1>
        <p>{translate(lang, 'error.body')}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {translate(lang, 'error.reload')}
        </button>
      </div>
    );
  }
}
