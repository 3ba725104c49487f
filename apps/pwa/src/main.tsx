import { render } from 'solid-js/web';
import App from './App.tsx';
import { registerServiceWorker } from './lib/registerServiceWorker.ts';
import './styles/base.css';

render(() => <App />, document.getElementById('app')!);
registerServiceWorker();
